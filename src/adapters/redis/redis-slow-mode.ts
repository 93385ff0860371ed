import type { RedisClient } from './redis-connections';
import type { SlowModeGate } from '../../application/ports/slow-mode.port';

// Takes the member's turn if it is free (the key's expiry is the slow mode), else says how long is
// left: one round trip either way. KEYS: the (channel, member) key. ARGV: the slow mode in ms.
const CLAIM = `
if redis.call('SET', KEYS[1], '1', 'PX', ARGV[1], 'NX') then return 0 end
local left = redis.call('PTTL', KEYS[1])
if left < 1 then return 1 end
return left`;

/**
 * Slow mode's turns in Redis, shared by every API node: one key per (channel, member) that lives
 * as long as the slow mode, `{prefix}:{t:<tenant>}:slow:<channel>:<user>` (the tenant's hash tag,
 * removed with the tenant's keys). A send in a channel without slow mode never asks.
 */
export class RedisSlowMode implements SlowModeGate {
  constructor(
    private readonly redis: RedisClient,
    /** `{prefix}:{t:<tenant>}`. */
    private readonly tenantKey: string,
  ) {}

  async claim(channelId: string, userId: string, seconds: number): Promise<number> {
    return Number(await this.redis.eval(CLAIM, 1, this.key(channelId, userId), seconds * 1000));
  }

  async release(channelId: string, userId: string): Promise<void> {
    await this.redis.del(this.key(channelId, userId)).catch(() => undefined);
  }

  private key(channelId: string, userId: string): string {
    return `${this.tenantKey}:slow:${channelId}:${encodeURIComponent(userId)}`;
  }
}
