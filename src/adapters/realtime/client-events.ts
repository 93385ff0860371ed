import { z } from 'zod';
import { markReadBody, sendMessageBody } from '../edge/chat-request.schemas';
import { fieldsOf } from '../edge/validation';
import type { Logger } from '../logging/logger';
import type { AckResult } from './client-event-acks';
import { PRESENCE_STATUSES } from '../presence/redis-presence';
import { describeError, failure, type AckReply } from './socket-errors';
import type { ServerSocket } from './socket-session';

/*
 * What clients may send, per event. `chat.message` and `message.read` take exactly the bodies of
 * send_message and mark_read (the REST schemas: strict, so unknown keys and objects where strings
 * are expected are refused before a use case runs).
 */
export const CLIENT_EVENTS = {
  'chat.message': sendMessageBody,
  'message.read': markReadBody,
  typing: z.strictObject({ is_typing: z.boolean() }),
  'status.update': z.strictObject({ status: z.enum(PRESENCE_STATUSES) }),
  'online.users': z.strictObject({}),
} as const;

export type ClientEventName = keyof typeof CLIENT_EVENTS;
type Input<E extends ClientEventName> = z.infer<(typeof CLIENT_EVENTS)[E]>;
type Ack = (reply: unknown) => void;

/**
 * Handles a client event: validates the payload, runs the handler, and acks `{ok: true, ...result}`
 * or `{ok: false, error: {code, message}}`. A bad payload or a failing handler is an error ack,
 * never a thrown error: the socket stays connected and the process up. Without an ack callback the
 * event is still handled (clients that do not care about the result).
 */
export function onClientEvent<E extends ClientEventName>(
  socket: ServerSocket,
  event: E,
  handler: (input: Input<E>) => Promise<AckResult<E>>,
  logger: Logger,
): void {
  const name: string = event;
  socket.on(name, (...args: unknown[]) => {
    const ack: Ack = typeof args.at(-1) === 'function' ? (args.pop() as Ack) : () => undefined;
    const parsed = CLIENT_EVENTS[event].safeParse(args[0] ?? {});
    if (!parsed.success) {
      const fields = fieldsOf(parsed.error, 'payload');
      return ack(failure('validation_error', `invalid ${event} payload`, { fields }));
    }
    handler(parsed.data as Input<E>).then(
      (result) => ack({ ok: true, ...result } satisfies AckReply),
      (error) =>
        ack({ ok: false, error: describeError(error, logger, { event, namespace: socket.nsp.name }) }),
    );
  });
}
