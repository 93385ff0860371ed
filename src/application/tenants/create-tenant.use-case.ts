import { newTenant, type Tenant } from '../../domain/tenant/tenant';
import type { Clock } from '../ports/clock.port';
import type { TenantDirectory } from '../ports/tenant-directory.port';
import type { TenantProvisioner } from '../ports/tenant-provisioner.port';

export interface CreateTenantInput {
  slug: string;
  name: string;
  /** The database server to place it on (MONGO_SERVERS); default: the one with the fewest tenants. */
  server?: string;
}

/**
 * Registers a tenant and prepares its database.
 * Throws ValidationError (bad slug or name) and TenantExistsError (slug taken).
 * Provisioning is idempotent, so a tenant whose provisioning failed is fixed by the next start.
 */
export class CreateTenant {
  constructor(
    private readonly tenants: TenantDirectory,
    private readonly provisioner: TenantProvisioner,
    private readonly clock: Clock,
  ) {}

  async execute(input: CreateTenantInput): Promise<Tenant> {
    const tenant = await this.tenants.create(newTenant(input.slug, input.name, this.clock.now()), {
      server: input.server,
    });
    await this.provisioner.provision(tenant);
    return tenant;
  }
}
