import type { RedisClient } from '../redis/redis-connections';
import type { Logger } from '../logging/logger';
import type { ChannelAccessCache } from './channel-access-cache';

/**
 * "Someone was removed from this channel", from the process that removed them to every API node,
 * so that each node's ChannelAccessCache forgets the channel's members at once (a later connection
 * of the removed user is looked up and refused). One sharded Pub/Sub channel for the deployment:
 * removals are rare, and every node must hear them whatever sockets it holds. The publishing
 * process's own cache forgets the channel before the publish, so its next check (a REST send
 * answered right after the removal, say) cannot beat the message back from Redis.
 */
export class ChannelAccessRevocations {
  readonly channel: string;

  constructor(
    private readonly redis: RedisClient,
    redisKeyPrefix: string,
    private readonly local: ChannelAccessCache,
  ) {
    this.channel = `${redisKeyPrefix}:channel-access-revoked`;
  }

  async publish(tenant: string, channelId: string): Promise<void> {
    this.local.revoke(tenant, channelId);
    await this.redis.spublish(this.channel, JSON.stringify([tenant, channelId]));
  }

  /**
   * Subscribes `sub` (a subscriber connection; ioredis subscribes again after a reconnection) and
   * calls `onRevoked` for each removal; `onResubscribed` after a reconnection, when removals
   * published meanwhile were lost.
   */
  listen(
    sub: RedisClient,
    handlers: { onRevoked(tenant: string, channelId: string): void; onResubscribed(): void },
    logger: Logger,
  ): void {
    sub.on('smessage', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      const [tenant, channelId] = JSON.parse(message) as [string, string];
      handlers.onRevoked(tenant, channelId);
    });
    let connectedOnce = sub.status === 'ready';
    const resubscribed = () => {
      if (connectedOnce) handlers.onResubscribed();
      connectedOnce = true;
    };
    sub.on('ready', resubscribed);
    // On a Redis Cluster: a shard's subscriber connected again (after a failover, to the new master).
    sub.on('+subscriber', resubscribed);
    sub
      .ssubscribe(this.channel)
      .catch((err) => logger.warn({ err }, 'channel access revocations unavailable'));
  }
}
