import type { RedisClient } from '../redis/redis-connections';
import type { PresenceKeys } from './presence-keys';

/**
 * ARGV: key base, tenant, user. Deletes the user's connection fields from every node's hash (so a
 * socket of theirs that closes later finds nothing to release: RELEASE returns -1 and writes no
 * last-seen), their per-channel counters, and their online count, status and last-seen time.
 * Reads each node's hash whole, as SWEEP does: rare (an erasure), and proportional to the
 * connections of the live nodes. Builds keys from ARGV: one Redis, not Redis Cluster.
 */
const FORGET = `
local base, tenant, user = ARGV[1], ARGV[2], ARGV[3]
local t = base .. ':t:' .. tenant
for _, node in ipairs(redis.call('SMEMBERS', base .. ':nodes')) do
  local conns = base .. ':node:' .. node .. ':conns'
  redis.call('HDEL', conns, 'o|' .. tenant .. '|' .. user)
  for _, field in ipairs(redis.call('HKEYS', conns)) do
    local ft, channel, fu = string.match(field, '^c|([^|]+)|([^|]+)|(.*)$')
    if ft == tenant and fu == user then
      redis.call('HDEL', conns, field)
      redis.call('HDEL', t .. ':c:' .. channel, user)
    end
  end
end
redis.call('HDEL', t .. ':online', user)
redis.call('HDEL', t .. ':status', user)
redis.call('HDEL', t .. ':seen', user)
return 1`;

/** Forgets a user's presence in one tenant (data rights: their erasure). */
export class RedisPresenceEraser {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: PresenceKeys,
  ) {}

  async forget(tenant: string, userId: string): Promise<void> {
    await this.redis.eval(FORGET, 0, this.keys.base, tenant, userId);
  }
}
