import { Cluster, type Redis } from 'ioredis';
import { nodeKey, withTimeout, type RedisClient } from './redis-connections';
import type { Tenant } from '../../domain/tenant/tenant';

/**
 * Every Redis key a tenant owns, as SCAN patterns: keep this list in step with the key builders.
 * - `{prefix}:{<database name>}…`: send locks, seq and id counters (tenant-locks.ts, tenant-repositories.ts);
 * - `{prefix}:{t:<slug>}…`: unread badges (RedisUnreadTotals), slow mode (RedisSlowMode), presence,
 *   channel presence and typing (PresenceKeys);
 * - `{prefix}:t:<slug>:…`: which recipients were notified (RedisNotificationLog);
 * - `{prefix}:rate:user:<slug>:…`, `{prefix}:rate:tenant:<slug>`: request budgets (RequestRateLimits).
 * Slugs and database names hold only `a-z`, `0-9`, `-` and `_`: nothing a pattern would read as a glob.
 * Node bookkeeping (`{prefix}:{rt}:…`) is shared by tenants and cleaned by the node sweep.
 */
export function tenantKeyPatterns(prefix: string, tenant: Pick<Tenant, 'slug' | 'database_name'>): string[] {
  const { slug, database_name } = tenant;
  return [
    `${prefix}:{${database_name}}*`,
    `${prefix}:{t:${slug}}*`,
    `${prefix}:t:${slug}:*`,
    `${prefix}:rate:user:${slug}:*`,
    `${prefix}:rate:tenant:${slug}`,
  ];
}

/** Unlinks every key matching the tenant's patterns, a SCAN page at a time; returns how many. */
export async function removeTenantKeys(
  redis: RedisClient,
  prefix: string,
  tenant: Pick<Tenant, 'slug' | 'database_name'>,
): Promise<number> {
  let removed = 0;
  for (const match of tenantKeyPatterns(prefix, tenant)) removed += await removeKeys(redis, match);
  return removed;
}

/** Unlinks every key matching `match` (on every master of a cluster), a SCAN page at a time; returns how many. */
export async function removeKeys(redis: RedisClient, match: string): Promise<number> {
  let removed = 0;
  for await (const keys of scanKeys(redis, match)) removed += await unlinkAll(redis, keys);
  return removed;
}

/** The keys matching `match`, a SCAN page at a time: of every master on a cluster, of the server otherwise. */
export async function* scanKeys(redis: RedisClient, match: string): AsyncGenerator<string[]> {
  const servers = redis instanceof Cluster ? await everyMaster(redis) : [redis];
  for (const server of servers) {
    for await (const keys of server.scanStream({ match, count: 1000 }) as AsyncIterable<string[]>) {
      if (keys.length > 0) yield keys;
    }
  }
}

/**
 * The masters of the cluster, once the client knows them all: a client not ready yet knows none, and
 * one refreshing its slots may miss one; a scan would then skip keys and report success.
 */
async function everyMaster(cluster: Cluster): Promise<Redis[]> {
  if (cluster.status !== 'ready') {
    const ready = new Promise<void>((resolve) => cluster.once('ready', () => resolve()));
    await withTimeout(ready, READY_TIMEOUT_MS, 'Redis Cluster not ready');
  }
  const masters = cluster.nodes('master');
  const known = new Set(masters.map(nodeKey));
  for (let slot = 0; slot < SLOTS; slot += 1) {
    const owner = cluster.slots[slot]?.[0];
    if (owner === undefined || !known.has(owner))
      throw new Error(`Redis Cluster slot ${slot} has no known master: retry once the cluster is whole`);
  }
  return masters;
}

const SLOTS = 16_384;
const READY_TIMEOUT_MS = 5_000;

/** UNLINKs the keys: at once on one server, one key per command on a cluster (a page spans slots). */
async function unlinkAll(redis: RedisClient, keys: string[]): Promise<number> {
  if (!(redis instanceof Cluster)) return redis.unlink(...keys);
  const removed = await Promise.all(keys.map((key) => redis.unlink(key)));
  return removed.reduce((sum, n) => sum + n, 0);
}
