import { z } from 'zod';

/*
 * What the AsyncAPI document says besides the events of each namespace (asyncapi.ts): the API, the
 * server and how to authenticate to it, and the two messages every namespace shares (the error ack, a
 * refused handshake). Prose from docs/realtime.md, "Connecting" and "Acks".
 */

const ref = ($ref: string) => ({ $ref });

export const INFO = {
  title: 'Chat backend real-time API',
  version: '1.0.0',
  description:
    'Socket.IO 4 namespaces of the chat backend: what happens now (messages, reads, typing, presence, ' +
    'unread counts). History and commands are on REST (`/api/openapi.json`), which stays the source of ' +
    'truth: sockets deliver at most once, and a message’s `seq` tells a client what it missed.\n\n' +
    'Each event carries one argument, a JSON object. Every client event takes an ack callback; the ack ' +
    'is `{ok: true, ...result}` or `{ok: false, error: {code, message, details?}}`, and a bad payload ' +
    'never disconnects the socket. The tenant is the token’s `tenant` claim.',
};

export const SERVERS = {
  api: {
    host: '{host}',
    pathname: '/socket.io/',
    protocol: 'socket.io',
    protocolVersion: '5',
    title: 'An API node',
    description:
      'Socket.IO on the REST API’s port (Engine.IO path `/socket.io/`); each channel below is a ' +
      'namespace of it, and one connection carries any number of them. Browsers must come from an ' +
      'origin in `CORS_ORIGINS`.',
    variables: { host: { default: 'localhost:3000', description: 'the API’s host and port' } },
    security: [ref('#/components/securitySchemes/userToken'), ref('#/components/securitySchemes/tokenQuery')],
  },
};

export const SECURITY_SCHEMES = {
  userToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'The user’s JWT (claims `sub`, `tenant`, `exp`; `name`, `user_type` optional). Browsers give it ' +
      'in the handshake, `io(url, {auth: {token}})`; other clients may send `Authorization: Bearer <jwt>`.',
  },
  tokenQuery: {
    type: 'httpApiKey',
    name: 'token',
    in: 'query',
    description: 'The same JWT as a `token` query parameter, for clients that can set neither.',
  },
};

/** The `{channel_id}` of the channel namespaces' addresses. */
export const CHANNEL_ID_PARAMETER = {
  description: 'the channel’s id (a UUID); a trailing slash after it is accepted',
};

/** The reply of any client event that failed (its payload: client-event-acks.ts's ackFailure). */
export const ACK_ERROR_MESSAGE = {
  title: 'Error ack',
  summary: 'The ack of any client event that failed',
  description:
    '`{ok: false, error: {code, message, details?}}` with the REST codes: `validation_error` (payload ' +
    'shape, unknown event, domain rules; `details.fields` lists `[{field, message}]`), ' +
    '`channel_not_found`, `message_not_found`, `forbidden` (a muted member, a blocked direct channel: ' +
    '`details.reason`), `rate_limited` (`details.scope`: `user`, `tenant` or `slow_mode`), ' +
    '`service_unavailable`, `internal_error`.',
};

export const CONNECT_ERROR_MESSAGE = {
  name: 'connect_error',
  title: 'connect_error',
  summary: 'The handshake was refused',
  description:
    'Socket.IO’s CONNECT_ERROR packet rather than an event: the client’s `connect_error` listener gets ' +
    'an Error with `message` = the code and `data` = `{code, message}`. Codes: `unauthenticated`, ' +
    '`token_expired` (mint a token, set `socket.auth.token`, call `connect()`), `tenant_not_found`, ' +
    '`tenant_suspended`, `forbidden` (the user is banned from the tenant), ' +
    '`channel_not_found` (not a participant, or no such channel), `not_found` (the main namespace), ' +
    '`service_unavailable`, `internal_error`. Clients do not retry a refusal by themselves.',
};

/** The CONNECT_ERROR packet's data (socket-errors.ts, connectError). */
export const connectErrorPayload = z.strictObject({
  message: z.string().meta({ description: 'the error code, as `err.message`' }),
  data: z.strictObject({ code: z.string(), message: z.string() }).meta({ description: 'as `err.data`' }),
});
