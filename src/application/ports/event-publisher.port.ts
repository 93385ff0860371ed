import { ChatEvent } from '../events/chat-event';

/** Real-time delivery to the tenant's connected sockets, on every API node. */
export interface EventPublisher {
  /**
   * Delivers the event to the sockets it is addressed to (a channel's room or a user's sockets),
   * at most once and in publish order per channel. Resolves once handed to the transport: it does
   * not wait for clients.
   */
  publish(event: ChatEvent): Promise<void>;
}
