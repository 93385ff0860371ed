import type { MongoTenantDirectory } from '../adapters/persistence/mongo/mongo-tenant-directory';
import type { ForgetsTenants } from '../adapters/redis/tenant-announcements';
import type { CachedTenantContexts } from './tenant-contexts';

/**
 * What a process does when a tenant's status changes (TenantStatusChanges): forget its context and
 * its registry entry, so the next request, handshake or job reads the status again, and whatever
 * else registered (an API node closes the tenant's sockets).
 */
export class TenantForgetting implements ForgetsTenants {
  private readonly others: Array<(tenant: string) => void> = [];

  constructor(
    private readonly contexts: CachedTenantContexts,
    private readonly directory: MongoTenantDirectory,
  ) {}

  /** Also runs `action` for each tenant forgotten (not on `clear`: nothing names a tenant then). */
  onForget(action: (tenant: string) => void): void {
    this.others.push(action);
  }

  forget(tenant: string): void {
    this.contexts.forget(tenant);
    this.directory.forget(tenant);
    for (const action of this.others) action(tenant);
  }

  clear(): void {
    this.contexts.clear();
    this.directory.clear();
  }
}
