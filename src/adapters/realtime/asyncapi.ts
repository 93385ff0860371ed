import { z } from 'zod';
import { ackFailure, ackSuccess } from './client-event-acks';
import { CLIENT_EVENTS, type ClientEventName } from './client-events';
import { JsonSchemaComponents } from './json-schema-components';
import { NAMESPACE_EVENTS, type NamespaceEvents } from './namespace-events';
import { SERVER_EVENTS, type ServerEventName } from './server-events';

type Json = Record<string, unknown>;

const ref = ($ref: string) => ({ $ref });
/** `chat.message` → `ChatMessage`: message keys, one per event and direction. */
const pascal = (event: string) => event.replace(/(^|[._])(\w)/g, (_m, _sep, c: string) => c.toUpperCase());

const ACK_ERROR = 'AckError';
const CONNECT_ERROR = 'ConnectError';

const connectErrorPayload = z.strictObject({
  message: z.string().meta({ description: 'the error code, as `err.message`' }),
  data: z.strictObject({ code: z.string(), message: z.string() }).meta({ description: 'as `err.data`' }),
});

/**
 * The AsyncAPI 3.0 document of the three namespaces, generated from what the server runs on: the
 * payload schemas the namespaces validate client events with (CLIENT_EVENTS), the acks' schemas,
 * the schemas of what the server emits (SERVER_EVENTS) and which namespace carries what
 * (NAMESPACE_EVENTS). One channel per namespace; per event an operation, `receive` (client → server,
 * with the ack as its reply) or `send` (server → client). Served at `/api/asyncapi.json`.
 */
export function buildAsyncApiDocument(): Json {
  const schemas = new JsonSchemaComponents();
  const messages: Record<string, Json> = {
    [ACK_ERROR]: {
      title: 'Error ack',
      summary: 'The ack of any client event that failed',
      description:
        '`{ok: false, error: {code, message, details?}}` with the REST codes: `validation_error` (payload ' +
        'shape, unknown event, domain rules; `details.fields` lists `[{field, message}]`), `channel_not_found`, ' +
        '`message_not_found`, `forbidden`, `rate_limited`, `service_unavailable`, `internal_error`.',
      payload: schemas.convert(ackFailure, 'output'),
    },
    [CONNECT_ERROR]: {
      name: 'connect_error',
      title: 'connect_error',
      summary: 'The handshake was refused',
      description:
        'Socket.IO’s CONNECT_ERROR packet rather than an event: the client’s `connect_error` listener gets ' +
        'an Error with `message` = the code and `data` = `{code, message}`. Codes: `unauthenticated`, ' +
        '`token_expired` (mint a token, set `socket.auth.token`, call `connect()`), `tenant_not_found`, ' +
        '`channel_not_found` (not a participant, or no such channel), `not_found` (the main namespace), ' +
        '`service_unavailable`, `internal_error`. Clients do not retry a refusal by themselves.',
      payload: schemas.convert(connectErrorPayload, 'output'),
    },
  };
  const channels: Record<string, Json> = {};
  const operations: Record<string, Json> = {};
  for (const [kind, namespace] of Object.entries(NAMESPACE_EVENTS) as Array<[string, NamespaceEvents]>) {
    const channelMessages: Record<string, Json> = {};
    const use = (key: string, message?: () => Json) => {
      if (message) messages[key] ??= message();
      channelMessages[key] = ref(`#/components/messages/${key}`);
      return ref(`#/channels/${kind}/messages/${key}`);
    };
    const channel = ref(`#/channels/${kind}`);
    for (const [event, summary] of Object.entries(namespace.receives) as Array<[ClientEventName, string]>) {
      const request = use(`${pascal(event)}Request`, () => ({
        name: event,
        title: event,
        payload: schemas.convert(CLIENT_EVENTS[event], 'input'),
      }));
      const ack = use(`${pascal(event)}Ack`, () => ({
        title: `${event} ack`,
        payload: schemas.convert(ackSuccess(event), 'output'),
      }));
      operations[`${kind}.receive.${event}`] = {
        action: 'receive',
        channel,
        title: event,
        summary,
        description: 'Takes an ack callback (the reply): `{ok: true, ...}` or the error ack.',
        messages: [request],
        reply: { channel, messages: [ack, use(ACK_ERROR)] },
      };
    }
    for (const [event, summary] of Object.entries(namespace.sends) as Array<[ServerEventName, string]>) {
      const message = use(`${pascal(event)}Event`, () => ({
        name: event,
        title: event,
        payload: schemas.convert(SERVER_EVENTS[event], 'output'),
      }));
      operations[`${kind}.send.${event}`] = {
        action: 'send',
        channel,
        title: event,
        summary,
        messages: [message],
      };
    }
    operations[`${kind}.send.connect_error`] = {
      action: 'send',
      channel,
      title: 'connect_error',
      summary: 'Refuses the handshake',
      messages: [use(CONNECT_ERROR)],
    };
    channels[kind] = channelOf(namespace, channelMessages);
  }
  return {
    asyncapi: '3.0.0',
    info: INFO,
    defaultContentType: 'application/json',
    servers: SERVERS,
    channels,
    operations,
    components: { schemas: schemas.schemas, messages, securitySchemes: SECURITY_SCHEMES },
  };
}

function channelOf(namespace: NamespaceEvents, messages: Record<string, Json>): Json {
  const parameters = namespace.address.includes('{channel_id}')
    ? { channel_id: { description: 'the channel’s id (a UUID); a trailing slash after it is accepted' } }
    : undefined;
  return {
    address: namespace.address,
    title: namespace.title,
    description: namespace.description,
    ...(parameters && { parameters }),
    messages,
  };
}

const INFO = {
  title: 'Chat backend real-time API',
  version: '1.0.0',
  description:
    'Socket.IO 4 namespaces of the chat backend: what happens now (messages, reads, typing, presence, unread ' +
    'counts). History and commands are on REST (`/api/openapi.json`), which stays the source of truth: ' +
    'sockets deliver at most once, and a message’s `seq` tells a client what it missed.\n\n' +
    'Each event carries one argument, a JSON object. Every client event takes an ack callback; the ack is ' +
    '`{ok: true, ...result}` or `{ok: false, error: {code, message, details?}}`, and a bad payload never ' +
    'disconnects the socket. The tenant is the token’s `tenant` claim.',
};

const SERVERS = {
  api: {
    host: '{host}',
    pathname: '/socket.io/',
    protocol: 'socket.io',
    protocolVersion: '5',
    title: 'An API node',
    description:
      'Socket.IO on the REST API’s port (Engine.IO path `/socket.io/`); each channel below is a namespace ' +
      'of it, and one connection carries any number of them. Browsers must come from an origin in ' +
      '`CORS_ORIGINS`.',
    variables: { host: { default: 'localhost:3000', description: 'the API’s host and port' } },
    security: [ref('#/components/securitySchemes/userToken'), ref('#/components/securitySchemes/tokenQuery')],
  },
};

const SECURITY_SCHEMES = {
  userToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'The user’s JWT (claims `sub`, `tenant`, `exp`; `name`, `user_type` optional). Browsers give it in the ' +
      'handshake, `io(url, {auth: {token}})`; other clients may send `Authorization: Bearer <jwt>`.',
  },
  tokenQuery: {
    type: 'httpApiKey',
    name: 'token',
    in: 'query',
    description: 'The same JWT as a `token` query parameter, for clients that can set neither.',
  },
};
