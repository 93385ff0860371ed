import type { PresenceStatus } from '../presence/redis-presence';
import type { TypingChange } from '../presence/redis-typing-indicator';
import type { RedisSocketEmitter } from './redis-socket-emitter';
import { chatNamespace, PRESENCE_NAMESPACE, tenantRoom, typingNamespace, userRoom } from './rooms';

export type ShownStatus = PresenceStatus | 'offline';

/** The server → client events the real-time layer itself produces (the use cases publish the rest). */
export class RealtimeBroadcasts {
  constructor(private readonly emitter: RedisSocketEmitter) {}

  /** `presence.update` to every presence socket of the tenant; `last_seen_at` is set when offline. */
  async presence(
    tenant: string,
    userId: string,
    status: ShownStatus,
    lastSeenAt: string | null = null,
  ): Promise<void> {
    const payload = { user_id: userId, status, last_seen_at: status === 'offline' ? lastSeenAt : null };
    await this.emitter.emit(
      { namespace: PRESENCE_NAMESPACE, room: tenantRoom(tenant) },
      'presence.update',
      payload,
    );
  }

  /** `user.join` / `user.leave` to the channel: a participant's first connection / last disconnection. */
  async channelPresence(tenant: string, channelId: string, userId: string, joined: boolean): Promise<void> {
    const target = { namespace: chatNamespace(channelId), room: tenantRoom(tenant) };
    await this.emitter.emit(target, joined ? 'user.join' : 'user.leave', {
      channel_id: channelId,
      user_id: userId,
    });
  }

  /** `typing` on the channel's chat and typing namespaces, to everyone but the typer's own sockets. */
  async typing({ tenant, channelId, userId, isTyping }: TypingChange): Promise<void> {
    const payload = { channel_id: channelId, user_id: userId, is_typing: isTyping };
    const except = [userRoom(tenant, userId)];
    await Promise.all(
      [chatNamespace(channelId), typingNamespace(channelId)].map((namespace) =>
        this.emitter.emit({ namespace, room: tenantRoom(tenant), except }, 'typing', payload),
      ),
    );
  }
}
