import type { RedisClient } from './redis-connections';
import type { NotificationLog } from '../../application/ports/notification-log.port';

// SADD per recipient (its answer says whether the recipient is new), then the set's expiry: one call
// for every recipient of a message.
const CLAIM_ALL = `
local added = {}
for i = 2, #ARGV do added[i - 1] = redis.call('SADD', KEYS[1], ARGV[i]) end
redis.call('EXPIRE', KEYS[1], ARGV[1])
return added`;

/**
 * The notifications already sent, in Redis: one set per message (`SADD` answers whether the
 * recipient is new), kept for `ttlSeconds`, long past any retry or stalled-job recovery. Kept in
 * Redis, not in the tenant database, because it would grow with messages x recipients there (the
 * trap docs/contract.md names for receipts) and FerretDB v1 has no TTL indexes to prune it.
 */
export class RedisNotificationLog implements NotificationLog {
  constructor(
    private readonly redis: RedisClient,
    private readonly keyPrefix: string,
    private readonly ttlSeconds: number,
  ) {}

  async claimAll(messageId: number, userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const key = `${this.keyPrefix}:notified:${messageId}`;
    const added = (await this.redis.eval(CLAIM_ALL, 1, key, this.ttlSeconds, ...userIds)) as number[];
    return new Set(userIds.filter((_, i) => added[i] === 1));
  }
}
