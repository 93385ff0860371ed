import type { Tenant } from '../../domain/tenant/tenant';

/** Prepares a tenant's own database (collections and every index its queries need). Safe to run again. */
export interface TenantProvisioner {
  provision(tenant: Tenant): Promise<void>;
}
