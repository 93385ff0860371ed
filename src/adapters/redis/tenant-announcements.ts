import type { RedisClient } from './redis-connections';
import type { Logger } from '../logging/logger';

/** What forgets a tenant's state on this node when an announcement names it. */
export interface ForgetsTenants {
  forget(tenant: string): void;
  /** Everything: the subscription (re)started, so announcements made meanwhile may have been lost. */
  clear(): void;
}

/**
 * "Something of this tenant changed", from the node that changed it to every node, over one sharded
 * Pub/Sub channel of the deployment (as ChannelAccessRevocations does for channel members): each
 * node forgets what it keeps of the tenant and reads it again when next needed. The announcing node
 * forgets first, so its own next request cannot beat the message back from Redis. Pub/Sub rather
 * than a short TTL: a change reaches every node in milliseconds, and a warm node reads nothing.
 */
export class TenantAnnouncements {
  constructor(
    private readonly redis: RedisClient,
    readonly channel: string,
    private readonly local: ForgetsTenants,
  ) {}

  async announce(tenant: string): Promise<void> {
    this.local.forget(tenant);
    await this.redis.spublish(this.channel, tenant);
  }

  /**
   * Subscribes `sub` (ioredis subscribes again after a reconnection) and makes `local` forget each
   * announced tenant; everything when the subscription starts or comes back, since announcements made
   * meanwhile were lost. Resolves once subscribed, or after `timeoutMs` (logged; it keeps trying).
   */
  async listen(sub: RedisClient, logger: Logger, timeoutMs: number): Promise<void> {
    sub.on('smessage', (channel: string, tenant: string) => {
      if (channel === this.channel) this.local.forget(tenant);
    });
    sub.on('ready', () => this.local.clear());
    // On a Redis Cluster: a shard's subscriber connected again (after a failover, to the new master).
    sub.on('+subscriber', () => this.local.clear());
    let timer: NodeJS.Timeout | undefined;
    const subscribed = sub.ssubscribe(this.channel).then(
      () => this.local.clear(),
      (err: unknown) => logger.warn({ err, channel: this.channel }, 'tenant announcements unavailable'),
    );
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        logger.warn({ channel: this.channel }, 'tenant announcements not subscribed yet; still trying');
        resolve();
      }, timeoutMs);
    });
    await Promise.race([subscribed, late]).finally(() => clearTimeout(timer));
  }
}
