import type { RedisClient } from '../redis/redis-connections';
import type { PresenceKeys } from './presence-keys';

export interface TypingChange {
  tenant: string;
  channelId: string;
  userId: string;
  isTyping: boolean;
}

export interface TypingOptions {
  /** At most one `is_typing: true` broadcast per user and channel in this window (all nodes). */
  throttleMs: number;
  /** Quiet time after which `is_typing: false` goes out by itself. */
  timeoutMs: number;
}

/**
 * Typing indicators, throttled per user and channel across nodes by a Redis key (SET NX PX): a
 * client may send `typing` on every keystroke, the channel hears `true` at most once per window,
 * which also keeps receivers' indicators alive while the typing goes on. After `timeoutMs` without a
 * `true`, on an explicit `false` or when the typer's socket closes, `false` goes out once.
 * The quiet timer lives on the node that holds the typer's socket; if that node dies, receivers
 * rely on their own timeout (docs/realtime.md).
 */
export class RedisTypingIndicator {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: PresenceKeys,
    private readonly options: TypingOptions,
    private readonly announce: (change: TypingChange) => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  async update(tenant: string, channelId: string, userId: string, isTyping: boolean): Promise<void> {
    if (!isTyping) return this.stop(tenant, channelId, userId);
    const key = this.keys.typing(tenant, channelId, userId);
    this.arm(key, () => this.finish(tenant, channelId, userId, true));
    const first = await this.redis.set(key, '1', 'PX', this.options.throttleMs, 'NX');
    if (first === 'OK') await this.announce({ tenant, channelId, userId, isTyping: true });
  }

  /** Ends the indicator if it is showing (explicit false, quiet timeout, socket closed). */
  async stop(tenant: string, channelId: string, userId: string): Promise<void> {
    const hadTimer = this.disarm(this.keys.typing(tenant, channelId, userId));
    await this.finish(tenant, channelId, userId, hadTimer);
  }

  /** Forgets every timer (process shutdown). */
  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async finish(tenant: string, channelId: string, userId: string, wasTyping: boolean): Promise<void> {
    const hadThrottle = (await this.redis.del(this.keys.typing(tenant, channelId, userId))) === 1;
    if (wasTyping || hadThrottle) await this.announce({ tenant, channelId, userId, isTyping: false });
  }

  private arm(key: string, onQuiet: () => Promise<void>): void {
    this.disarm(key);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      onQuiet().catch(this.onError);
    }, this.options.timeoutMs);
    timer.unref();
    this.timers.set(key, timer);
  }

  private disarm(key: string): boolean {
    const timer = this.timers.get(key);
    if (!timer) return false;
    clearTimeout(timer);
    this.timers.delete(key);
    return true;
  }
}
