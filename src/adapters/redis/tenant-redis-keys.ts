import type { Redis } from 'ioredis';
import type { Tenant } from '../../domain/tenant/tenant';

/**
 * Every Redis key a tenant owns, as SCAN patterns: keep this list in step with the key builders.
 * - `{prefix}:{<database name>}…`: send locks, seq and id counters (tenant-locks.ts, tenant-repositories.ts);
 * - `{prefix}:{t:<slug>}…`: unread badges (RedisUnreadTotals);
 * - `{prefix}:t:<slug>:…`: which recipients were notified (RedisNotificationLog);
 * - `{prefix}:rt:t:<slug>:…`: presence, channel presence, typing (PresenceKeys);
 * - `{prefix}:rate:user:<slug>:…`, `{prefix}:rate:tenant:<slug>`: request budgets (RequestRateLimits).
 * Slugs and database names hold only `a-z`, `0-9`, `-` and `_`: nothing a pattern would read as a glob.
 * Node bookkeeping (`{prefix}:rt:node:…`) is shared by tenants and cleaned by the node sweep.
 */
export function tenantKeyPatterns(prefix: string, tenant: Pick<Tenant, 'slug' | 'database_name'>): string[] {
  const { slug, database_name } = tenant;
  return [
    `${prefix}:{${database_name}}*`,
    `${prefix}:{t:${slug}}*`,
    `${prefix}:t:${slug}:*`,
    `${prefix}:rt:t:${slug}:*`,
    `${prefix}:rate:user:${slug}:*`,
    `${prefix}:rate:tenant:${slug}`,
  ];
}

/** Unlinks every key matching the tenant's patterns, a SCAN page at a time; returns how many. */
export async function removeTenantKeys(
  redis: Redis,
  prefix: string,
  tenant: Pick<Tenant, 'slug' | 'database_name'>,
): Promise<number> {
  let removed = 0;
  for (const match of tenantKeyPatterns(prefix, tenant)) {
    const stream = redis.scanStream({ match, count: 1000 });
    for await (const keys of stream as AsyncIterable<string[]>) {
      if (keys.length > 0) removed += await redis.unlink(...keys);
    }
  }
  return removed;
}
