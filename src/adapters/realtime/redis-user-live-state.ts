import type { UserLiveState } from '../../application/ports/user-live-state.port';
import type { RedisPresenceEraser } from '../presence/redis-presence-eraser';
import type { RedisUnreadTotals } from '../redis/redis-unread-totals';
import type { RedisSocketEmitter } from './redis-socket-emitter';
import { PRESENCE_NAMESPACE, userRoom } from './rooms';

/**
 * A user's live state in one tenant, on every API node: their `/ws/presence` sockets are closed
 * through the sharded adapter (their chat and typing sockets close as they leave each channel:
 * `participant.removed`), then their presence and unread badge are deleted from Redis. Presence is
 * deleted after the sockets are told to close, and the deletion also removes the nodes' records of
 * those sockets, so a close that lands later writes no last-seen time back.
 */
export class RedisUserLiveState implements UserLiveState {
  constructor(
    private readonly emitter: RedisSocketEmitter,
    private readonly tenant: string,
    private readonly presence: RedisPresenceEraser,
    private readonly badges: RedisUnreadTotals,
  ) {}

  async forget(userId: string): Promise<void> {
    await this.emitter.disconnect(PRESENCE_NAMESPACE, userRoom(this.tenant, userId));
    await this.presence.forget(this.tenant, userId);
    await this.badges.forget(userId);
  }
}
