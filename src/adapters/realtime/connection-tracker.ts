import type { Clock } from '../../application/ports/clock.port';
import type { Logger } from '../logging/logger';
import type { SweptField } from '../presence/presence-keys';
import type { RedisPresence } from '../presence/redis-presence';
import type { RedisTypingIndicator } from '../presence/redis-typing-indicator';
import type { RealtimeBroadcasts } from './realtime-broadcasts';
import { CHAT_NAMESPACE_PATTERN } from './rooms';
import { sessionOf, type ServerSocket } from './socket-session';

/**
 * Counts each socket in Redis presence while it lives and announces the transitions: `presence.update`
 * online / offline on a user's first / last socket anywhere, `user.join` / `user.leave` on their first /
 * last socket in a channel. A socket's close waits for its own registration, so a client that leaves
 * mid-handshake is never counted forever. Presence is best effort: a Redis failure is logged, the
 * socket still works.
 */
export class ConnectionTracker {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly presence: RedisPresence,
    private readonly broadcasts: RealtimeBroadcasts,
    private readonly typing: RedisTypingIndicator,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Counts a connected socket and arranges its uncounting; resolves once counted and announced. */
  track(socket: ServerSocket): Promise<void> {
    const { tenant, user, channelId } = sessionOf(socket);
    const userId = user.userId;
    const chatChannel = channelId !== null && CHAT_NAMESPACE_PATTERN.test(socket.nsp.name) ? channelId : null;
    const opened = this.run(async () => {
      if (await this.presence.connected(tenant, userId))
        await this.broadcasts.presence(tenant, userId, 'online');
      if (chatChannel && (await this.presence.joinedChannel(tenant, chatChannel, userId))) {
        await this.broadcasts.channelPresence(tenant, chatChannel, userId, true);
      }
    });
    socket.once('disconnect', () => {
      void this.run(async () => {
        await opened;
        if (socket.data.typing && channelId) await this.typing.stop(tenant, channelId, userId);
        if (chatChannel && (await this.presence.leftChannel(tenant, chatChannel, userId))) {
          await this.broadcasts.channelPresence(tenant, chatChannel, userId, false);
        }
        const at = this.clock.now();
        if (await this.presence.disconnected(tenant, userId, at)) {
          await this.broadcasts.presence(tenant, userId, 'offline', at.toISOString());
        }
      });
    });
    return opened;
  }

  /** Announces what a swept (dead or retiring) node's connections leave behind. */
  async announceGone(fields: SweptField[], at: Date): Promise<void> {
    for (const field of fields) {
      if (field.kind === 'online') {
        await this.broadcasts.presence(field.tenant, field.userId, 'offline', at.toISOString());
      } else {
        await this.broadcasts.channelPresence(field.tenant, field.channelId, field.userId, false);
      }
    }
  }

  /** Waits for every count and announcement in flight (graceful shutdown). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private run(work: () => Promise<void>): Promise<void> {
    const done = work().catch((err) => this.logger.warn({ err }, 'presence update failed'));
    this.inFlight.add(done);
    void done.finally(() => this.inFlight.delete(done));
    return done;
  }
}
