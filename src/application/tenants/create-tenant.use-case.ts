import type { IssuedSigningKey } from '../../domain/tenant/signing-key';
import { SecretKeysDisabledError } from '../../domain/tenant/signing-key.errors';
import { newTenant, type Tenant } from '../../domain/tenant/tenant';
import type { Clock } from '../ports/clock.port';
import type { TenantDirectory } from '../ports/tenant-directory.port';
import type { TenantProvisioner } from '../ports/tenant-provisioner.port';
import type { TenantSigningKeys } from '../ports/tenant-signing-keys.port';

export interface CreateTenantInput {
  slug: string;
  name: string;
  /** The database server to place it on (MONGO_SERVERS); default: the one with the fewest tenants. */
  server?: string;
}

export interface CreatedTenant {
  tenant: Tenant;
  /** The tenant's first HS256 key and its secret, shown this once; null where the deployment issues none. */
  signingKey: IssuedSigningKey | null;
}

/**
 * Registers a tenant, prepares its database and issues its first HS256 signing key.
 * Throws ValidationError (bad slug or name) and TenantExistsError (slug taken).
 * Provisioning is idempotent, so a tenant whose provisioning failed is fixed by the next start; a
 * tenant whose key could not be issued gets one from `POST …/keys`.
 */
export class CreateTenant {
  constructor(
    private readonly tenants: TenantDirectory,
    private readonly provisioner: TenantProvisioner,
    private readonly clock: Clock,
    private readonly keys: TenantSigningKeys,
  ) {}

  async execute(input: CreateTenantInput): Promise<CreatedTenant> {
    const now = this.clock.now();
    const tenant = await this.tenants.create(newTenant(input.slug, input.name, now), {
      server: input.server,
    });
    await this.provisioner.provision(tenant);
    return { tenant, signingKey: await this.firstKey(tenant.slug, now) };
  }

  private async firstKey(slug: string, now: Date): Promise<IssuedSigningKey | null> {
    try {
      return await this.keys.issueSecret(slug, undefined, now);
    } catch (error) {
      // A deployment without TENANT_KEYS_SECRET verifies with its deployment-wide key only.
      if (error instanceof SecretKeysDisabledError) return null;
      throw error;
    }
  }
}
