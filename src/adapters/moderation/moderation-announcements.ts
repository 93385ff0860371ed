import type { RedisClient } from '../redis/redis-connections';
import type { Logger } from '../logging/logger';
import type { ModerationMemory } from './moderation-memory';

/** A change of what ModerationMemory keeps: a user's tenant ban, or a user's block list. */
export type ModerationChange =
  | { tenant: string; kind: 'tenant-ban'; user_id: string; banned: boolean }
  | { tenant: string; kind: 'blocks'; user_id: string };

/**
 * Moderation changes from the node that made them to every node, over one sharded Pub/Sub channel of
 * the deployment (as ChannelAccessRevocations and TenantAnnouncements do): each node forgets what the
 * change names, and for a user banned from the tenant closes their sockets (`onBanned`). The
 * announcing node applies the change first, so its own next request cannot beat the message back.
 */
export class ModerationAnnouncements {
  readonly channel: string;
  private readonly banHandlers: Array<(tenant: string, userId: string) => void> = [];

  constructor(
    private readonly redis: RedisClient,
    redisKeyPrefix: string,
    private readonly memory: ModerationMemory,
  ) {
    this.channel = `${redisKeyPrefix}:moderation-changed`;
  }

  /** Runs `handler` on this node for each user banned from a tenant (an API node closes their sockets). */
  onBanned(handler: (tenant: string, userId: string) => void): void {
    this.banHandlers.push(handler);
  }

  async announce(change: ModerationChange): Promise<void> {
    this.apply(change);
    await this.redis.spublish(this.channel, JSON.stringify(change));
  }

  /**
   * Subscribes `sub` (ioredis subscribes again after a reconnection); the memory is trusted once
   * subscribed and emptied whenever the connection drops or comes back. Resolves once subscribed, or
   * after `timeoutMs` (logged; it keeps trying, and the memory keeps nothing meanwhile).
   */
  async listen(sub: RedisClient, logger: Logger, timeoutMs: number): Promise<void> {
    sub.on('smessage', (channel: string, message: string) => {
      if (channel === this.channel) this.apply(JSON.parse(message) as ModerationChange);
    });
    sub.on('close', () => this.memory.reset(false));
    sub.on('ready', () => this.memory.reset(true));
    // On a Redis Cluster: a shard's subscriber connected again (after a failover, to the new master).
    sub.on('+subscriber', () => this.memory.reset(true));
    let timer: NodeJS.Timeout | undefined;
    const subscribed = sub.ssubscribe(this.channel).then(
      () => this.memory.reset(true),
      (err: unknown) => logger.warn({ err, channel: this.channel }, 'moderation announcements unavailable'),
    );
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        logger.warn({ channel: this.channel }, 'moderation announcements not subscribed yet; still trying');
        resolve();
      }, timeoutMs);
    });
    await Promise.race([subscribed, late]).finally(() => clearTimeout(timer));
  }

  private apply(change: ModerationChange): void {
    if (change.kind === 'blocks') {
      this.memory.forgetBlocks(change.tenant, change.user_id);
      return;
    }
    this.memory.forgetTenantBans(change.tenant);
    if (change.banned) for (const handler of this.banHandlers) handler(change.tenant, change.user_id);
  }
}
