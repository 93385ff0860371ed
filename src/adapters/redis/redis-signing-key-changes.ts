import type { Redis } from 'ioredis';
import type { SigningKeyChanges } from '../../application/ports/tenant-signing-keys.port';
import type { Logger } from '../logging/logger';

/** What forgets a tenant's keys on this node (TenantKeyCache). */
export interface ForgetsTenantKeys {
  forget(tenant: string): void;
  clear(): void;
}

/**
 * "This tenant's signing keys changed", from the node that added or revoked a key to every API node,
 * over one sharded Pub/Sub channel of the deployment (as ChannelAccessRevocations does for channel
 * members): each node forgets the tenant's keys and loads them again on its next token. The announcing
 * node forgets first, so its own next request cannot beat the message back from Redis. Pub/Sub rather
 * than a short TTL: a revocation reaches every node in milliseconds, and a warm node reads nothing.
 */
export class RedisSigningKeyChanges implements SigningKeyChanges {
  readonly channel: string;

  constructor(
    private readonly redis: Redis,
    redisKeyPrefix: string,
    private readonly local: ForgetsTenantKeys,
  ) {
    this.channel = `${redisKeyPrefix}:tenant-keys-changed`;
  }

  async announce(tenant: string): Promise<void> {
    this.local.forget(tenant);
    await this.redis.spublish(this.channel, tenant);
  }

  /**
   * Subscribes `sub` (ioredis subscribes again after a reconnection) and makes `local` forget each
   * announced tenant; everything when the subscription starts or comes back, since announcements made
   * meanwhile were lost. Resolves once subscribed, or after `timeoutMs` (logged; it keeps trying).
   */
  async listen(sub: Redis, logger: Logger, timeoutMs: number): Promise<void> {
    sub.on('smessage', (channel: string, tenant: string) => {
      if (channel === this.channel) this.local.forget(tenant);
    });
    sub.on('ready', () => this.local.clear());
    let timer: NodeJS.Timeout | undefined;
    const subscribed = sub.ssubscribe(this.channel).then(
      () => this.local.clear(),
      (err: unknown) => logger.warn({ err }, 'signing key announcements unavailable'),
    );
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        logger.warn({ channel: this.channel }, 'signing key announcements not subscribed yet; still trying');
        resolve();
      }, timeoutMs);
    });
    await Promise.race([subscribed, late]).finally(() => clearTimeout(timer));
  }
}
