import type { RedisClient } from '../redis/redis-connections';
import type { PresenceKeys } from './presence-keys';
import { FORGET_USER_SCRIPT } from './presence-scripts';

/**
 * Forgets a user's presence (their erasure): deletes their connection fields from every node's hash
 * of the tenant (so a socket of theirs that closes later finds nothing to release: RELEASE returns
 * -1 and writes no last-seen), their per-channel counters, and their online count, status and
 * last-seen time, in one script over the tenant's slot. Reads each node's hash whole, as SWEEP
 * does: rare, and proportional to the tenant's connections on the live nodes.
 */
export class RedisPresenceEraser {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: PresenceKeys,
  ) {}

  async forget(tenant: string, userId: string): Promise<void> {
    const k = this.keys;
    const nodes = await this.redis.smembers(k.nodes);
    const keys = [
      k.online(tenant),
      k.status(tenant),
      k.lastSeen(tenant),
      ...nodes.map((n) => k.connections(n, tenant)),
    ];
    await this.redis.eval(FORGET_USER_SCRIPT, keys.length, ...keys, k.tenant(tenant), tenant, userId);
  }
}
