import type { Logger } from '../logging/logger';
import type { RedisTypingIndicator } from '../presence/redis-typing-indicator';
import { onClientEvent } from './client-events';
import type { ConnectionTracker } from './connection-tracker';
import { guardEvents, type EventLimits } from './event-guard';
import { acceptedEvents } from './namespace-events';
import { sessionOf, type ServerNamespace, type ServerSocket } from './socket-session';

export interface TypingDeps {
  typing: RedisTypingIndicator;
  tracker: ConnectionTracker;
  limits: EventLimits;
  logger: Logger;
}

const TYPING_EVENTS = acceptedEvents('typing');

/** `typing {is_typing}` from a socket of a channel namespace (chat or typing). */
export function handleTyping(socket: ServerSocket, deps: TypingDeps): void {
  const { tenant, user, channelId } = sessionOf(socket);
  onClientEvent(
    socket,
    'typing',
    async ({ is_typing }) => {
      socket.data.typing = is_typing;
      await deps.typing.update(tenant, channelId!, user.userId, is_typing);
      return {};
    },
    deps.logger,
  );
}

/**
 * /ws/typing/{channel_id}: a light namespace for clients that show typing indicators without the
 * channel's messages. Server → client `typing`; client → server `typing`.
 */
export function serveTypingNamespace(parent: ServerNamespace, deps: TypingDeps): void {
  parent.on('connection', (socket: ServerSocket) => {
    guardEvents(socket, TYPING_EVENTS, deps.limits, deps.logger);
    handleTyping(socket, deps);
    void deps.tracker.track(socket);
  });
}
