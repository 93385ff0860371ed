import type { Tenant } from '../../domain/tenant/tenant';

/**
 * Tells every process that a tenant's status changed (suspended, active again, being deleted), so
 * that each forgets what it keeps of the tenant and closes its sockets at once.
 */
export interface TenantStatusChanges {
  announce(slug: string): Promise<void>;
}

/** What deleting a tenant removes besides its registry entry; each step is idempotent. */
export interface TenantTeardown {
  /** Removes the tenant's jobs that wait in the queues; returns how many. */
  removeJobs(slug: string): Promise<number>;
  /** Removes the tenant's Redis keys (counters, locks, presence, badges, rate limits); returns how many. */
  removeRedisKeys(tenant: Tenant): Promise<number>;
  /** Drops the tenant's database on its server. */
  dropDatabase(tenant: Tenant): Promise<void>;
}
