import type { ChatEvent } from '../../application/events/chat-event';
import { SOCKET_EVENT_NAMES } from '../../application/events/chat-event';
import type { EventPublisher } from '../../application/ports/event-publisher.port';
import type { ChannelAccessRevocations } from './channel-access-revocations';
import type { RedisSocketEmitter } from './redis-socket-emitter';
import { chatNamespace, PRESENCE_NAMESPACE, tenantRoom, typingNamespace, userRoom } from './rooms';
import type { ServerEventPayload } from './server-events';

type PayloadOf<T extends ChatEvent['type']> = Extract<ChatEvent, { type: T }>['payload'];

/**
 * Typecheck fails unless every event the use cases publish has a payload its socket event's schema
 * (server-events.ts, the AsyncAPI document's source) accepts: publish() below cannot check that per
 * event, it sees unions.
 */
export type PublishedPayloadsAreDocumented = Documented<{
  [T in ChatEvent['type']]: PayloadOf<T> extends ServerEventPayload<(typeof SOCKET_EVENT_NAMES)[T]>
    ? true
    : false;
}>;
type Documented<Checks extends Record<ChatEvent['type'], true>> = Checks;

/**
 * Publishes a tenant's events through Redis to the Socket.IO servers of every API node (the sharded
 * Redis adapter on each node delivers them), so it works the same from an API node and from a worker.
 * Channel events go to `/ws/chat/{id}` room t:{tenant}; user events to the user's `/ws/presence` sockets.
 */
export class SocketIoEventPublisher implements EventPublisher {
  constructor(
    private readonly emitter: RedisSocketEmitter,
    private readonly tenant: string,
    private readonly revocations: ChannelAccessRevocations,
  ) {}

  async publish(event: ChatEvent): Promise<void> {
    const name = SOCKET_EVENT_NAMES[event.type];
    if ('channel_id' in event) {
      const namespace = chatNamespace(event.channel_id);
      await this.emitter.emit({ namespace, room: tenantRoom(this.tenant) }, name, event.payload);
      if (event.type === 'participant.removed') {
        // A removed participant stops receiving the channel's events at once, on every node; the
        // handshake's membership check, told to forget what it remembered, refuses them from then on.
        await this.revocations.publish(this.tenant, event.channel_id);
        const room = userRoom(this.tenant, event.payload.user_id);
        await this.emitter.disconnect(namespace, room);
        await this.emitter.disconnect(typingNamespace(event.channel_id), room);
      }
      return;
    }
    const room = userRoom(this.tenant, event.user_id);
    await this.emitter.emit({ namespace: PRESENCE_NAMESPACE, room }, name, event.payload);
  }
}
