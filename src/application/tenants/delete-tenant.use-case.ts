import { TenantNotFoundError } from '../../domain/tenant/tenant.errors';
import type { TenantDirectory } from '../ports/tenant-directory.port';
import type { TenantStatusChanges, TenantTeardown } from '../ports/tenant-lifecycle.port';
import type { TenantSigningKeys } from '../ports/tenant-signing-keys.port';

export interface DeletedTenant {
  slug: string;
  /** What the deletion removed besides the database and the registry entry. */
  removed: { jobs: number; redis_keys: number };
}

/**
 * Deletes a tenant and everything of it. First the registry says `deleting` and every process hears
 * it: from then on the tenant is refused like an unknown one and its sockets are closed. Then its
 * waiting jobs, its Redis keys, its database and its signing keys are removed, and last its registry
 * entry. Every step is idempotent and the entry goes last, so a deletion that was interrupted (the
 * process killed) is finished by running it again: the registry shows `deleting` until then.
 * @throws TenantNotFoundError when the registry has no such tenant (never had, or already deleted).
 */
export class DeleteTenant {
  constructor(
    private readonly tenants: TenantDirectory,
    private readonly changes: TenantStatusChanges,
    private readonly teardown: TenantTeardown,
    private readonly keys: TenantSigningKeys,
  ) {}

  async execute(slug: string): Promise<DeletedTenant> {
    const found = await this.tenants.find(slug);
    if (!found) throw new TenantNotFoundError(slug);
    const tenant = (await this.tenants.setStatus(slug, 'deleting')) ?? found;
    await this.changes.announce(slug);
    const jobs = await this.teardown.removeJobs(slug);
    const redisKeys = await this.teardown.removeRedisKeys(tenant);
    await this.teardown.dropDatabase(tenant);
    await this.keys.removeAll(slug);
    await this.tenants.remove(slug);
    await this.changes.announce(slug);
    return { slug, removed: { jobs, redis_keys: redisKeys } };
  }
}
