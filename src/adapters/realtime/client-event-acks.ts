import { z } from 'zod';
import { errorObjectSchema, messageView, readState } from '../edge/chat-view.schemas';
import { PRESENCE_STATUSES } from '../presence/redis-presence';
import type { ClientEventName } from './client-events';
import { SERVER_EVENTS } from './server-events';

/*
 * What each client event's ack carries besides `ok: true` (onClientEvent types its handler's result by
 * it), and the failure every ack may be instead. The AsyncAPI document gives both as the replies of
 * the event; the tests parse real acks with them.
 */
export const CLIENT_EVENT_RESULTS = {
  'chat.message': z.strictObject({ message: messageView }),
  'message.read': readState,
  typing: z.strictObject({}),
  'status.update': z.strictObject({ status: z.enum(PRESENCE_STATUSES) }),
  'online.users': SERVER_EVENTS['online.users'],
} as const satisfies Record<ClientEventName, z.ZodObject>;

export type AckResult<E extends ClientEventName> = z.input<(typeof CLIENT_EVENT_RESULTS)[E]>;

/** The whole success ack of `event`: `{ok: true, ...result}`. */
export function ackSuccess(event: ClientEventName) {
  return z.strictObject({ ok: z.literal(true), ...CLIENT_EVENT_RESULTS[event].shape });
}

/** Any ack may be this instead: a bad payload, a refused command, a rate limit, an outage. */
export const ackFailure = z.strictObject({
  ok: z.literal(false),
  error: errorObjectSchema.extend({
    code: z
      .string()
      .meta({ description: 'the contract’s error code, the same as REST’s for the same cause' }),
  }),
});
