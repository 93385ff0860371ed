import type { RequestRateLimits } from '../edge/rate-limits';
import { onClientEvent } from './client-events';
import { guardEvents } from './event-guard';
import { acceptedEvents } from './namespace-events';
import { sessionOf, type ServerNamespace, type ServerSocket } from './socket-session';
import { handleTyping, type TypingDeps } from './typing.namespace';

export interface ChatDeps extends TypingDeps {
  /** The REST API's per-user and per-tenant budgets: a send costs the same on either path. */
  requestLimits: RequestRateLimits;
}

const CHAT_EVENTS = acceptedEvents('chat');

/**
 * /ws/chat/{channel_id}: the channel's events (the use cases publish them, see
 * socket-io-event-publisher.ts) and three client events. `chat.message` goes through SendMessage,
 * exactly as POST send_message: validated, idempotent on client_message_id, stored before it is
 * broadcast; the ack carries the stored message (with its id and seq).
 */
export function serveChatNamespace(parent: ServerNamespace, deps: ChatDeps): void {
  parent.on('connection', (socket: ServerSocket) => {
    guardEvents(socket, CHAT_EVENTS, deps.limits, deps.logger);
    const { user, tenant, context, channelId } = sessionOf(socket);
    const caller = { userId: user.userId, channelId: channelId! };
    onClientEvent(
      socket,
      'chat.message',
      async (body) => {
        await deps.requestLimits.consume(tenant, user.userId);
        const { message } = await context.useCases.sendMessage.execute({ ...caller, ...body });
        return { message };
      },
      deps.logger,
    );
    onClientEvent(
      socket,
      'message.read',
      async (body) => {
        await deps.requestLimits.consume(tenant, user.userId);
        return { ...(await context.useCases.markRead.execute({ ...caller, message_id: body.message_id })) };
      },
      deps.logger,
    );
    handleTyping(socket, deps);
    void deps.tracker.track(socket);
  });
}
