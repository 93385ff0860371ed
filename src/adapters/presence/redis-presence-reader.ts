import type { RedisClient } from '../redis/redis-connections';
import type { PresenceReader } from '../../application/ports/presence-reader.port';
import type { PresenceKeys } from './presence-keys';

/** The PresenceReader port for one tenant, on the counters RedisPresence keeps (any process may read). */
export class RedisPresenceReader implements PresenceReader {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: PresenceKeys,
    private readonly tenant: string,
  ) {}

  async onlineAmong(userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const counts = await this.redis.hmget(this.keys.online(this.tenant), ...userIds);
    return new Set(userIds.filter((_, i) => Number(counts[i] ?? 0) > 0));
  }
}
