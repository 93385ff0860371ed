import type { Tenant } from '../../domain/tenant/tenant';
import type { TenantDirectory } from '../ports/tenant-directory.port';

/** Every registered tenant, oldest first. */
export class ListTenants {
  constructor(private readonly tenants: TenantDirectory) {}

  execute(): Promise<Tenant[]> {
    return this.tenants.list();
  }
}
