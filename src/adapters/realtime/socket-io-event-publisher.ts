import type { Emitter } from '@socket.io/redis-emitter';
import type { ChatEvent } from '../../application/events/chat-event';
import { SOCKET_EVENT_NAMES } from '../../application/events/chat-event';
import type { EventPublisher } from '../../application/ports/event-publisher.port';
import { chatNamespace, PRESENCE_NAMESPACE, tenantRoom, userRoom } from './rooms';

/**
 * Publishes a tenant's events through Redis to the Socket.IO servers of every API node (the Redis
 * adapter on each node delivers them), so it works the same from an API node and from a worker.
 */
export class SocketIoEventPublisher implements EventPublisher {
  constructor(
    private readonly emitter: Emitter,
    private readonly tenant: string,
  ) {}

  async publish(event: ChatEvent): Promise<void> {
    const name = SOCKET_EVENT_NAMES[event.type];
    if ('channel_id' in event) {
      this.emitter.of(chatNamespace(event.channel_id)).to(tenantRoom(this.tenant)).emit(name, event.payload);
      if (event.type === 'participant.removed') {
        // A removed participant stops receiving the channel's events at once, on every node.
        const room = userRoom(this.tenant, event.payload.user_id);
        this.emitter.of(chatNamespace(event.channel_id)).in(room).disconnectSockets(true);
      }
      return;
    }
    this.emitter.of(PRESENCE_NAMESPACE).to(userRoom(this.tenant, event.user_id)).emit(name, event.payload);
  }
}
