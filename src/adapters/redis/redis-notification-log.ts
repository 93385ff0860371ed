import type { Redis } from 'ioredis';
import type { NotificationLog } from '../../application/ports/notification-log.port';

/**
 * The notifications already sent, in Redis: one set per message (`SADD` answers whether the
 * recipient is new), kept for `ttlSeconds`, long past any retry or stalled-job recovery. Kept in
 * Redis, not in the tenant database, because it would grow with messages x recipients there (the
 * trap DESIGN.md names for receipts) and FerretDB v1 has no TTL indexes to prune it.
 */
export class RedisNotificationLog implements NotificationLog {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly ttlSeconds: number,
  ) {}

  async claim(messageId: number, userId: string): Promise<boolean> {
    const key = `${this.keyPrefix}:notified:${messageId}`;
    const results = await this.redis.multi().sadd(key, userId).expire(key, this.ttlSeconds).exec();
    const [error, added] = results?.[0] ?? [new Error('notification log: transaction aborted'), 0];
    if (error) throw error;
    return added === 1;
  }
}
