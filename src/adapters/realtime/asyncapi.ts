import {
  ACK_ERROR_MESSAGE,
  CHANNEL_ID_PARAMETER,
  CONNECT_ERROR_MESSAGE,
  connectErrorPayload,
  INFO,
  SECURITY_SCHEMES,
  SERVERS,
} from './asyncapi-fixed-parts';
import { ackFailure, ackSuccess } from './client-event-acks';
import { CLIENT_EVENTS, type ClientEventName } from './client-events';
import { JsonSchemaComponents } from './json-schema-components';
import { NAMESPACE_EVENTS, type NamespaceEvents } from './namespace-events';
import { SERVER_EVENTS, type ServerEventName } from './server-events';

type Json = Record<string, unknown>;
type Ref = { $ref: string };

/** A channel being written: its key, a reference to it, and the messages it lists so far. */
interface Channel {
  kind: string;
  ref: Ref;
  messages: Record<string, Ref>;
}

const ref = ($ref: string): Ref => ({ $ref });
/** `chat.message` → `ChatMessage`: message keys, one per event and direction. */
const pascal = (event: string) => event.replace(/(^|[._])(\w)/g, (_m, _sep, c: string) => c.toUpperCase());
const entries = <K extends string>(record: Partial<Record<K, string>>) =>
  Object.entries(record) as [K, string][];

/**
 * The AsyncAPI 3.0 document of the three namespaces, generated from what the server runs on: the
 * schemas the namespaces validate client payloads with (CLIENT_EVENTS), the acks' schemas
 * (client-event-acks.ts), the schemas of what the server emits (SERVER_EVENTS) and which namespace
 * carries what (NAMESPACE_EVENTS). One channel per namespace; per event an operation, `receive`
 * (client → server, its ack as the reply) or `send` (server → client). Served at `/api/asyncapi.json`.
 */
export function buildAsyncApiDocument(): Json {
  const document = new AsyncApiDocument();
  for (const [kind, namespace] of Object.entries(NAMESPACE_EVENTS)) document.addNamespace(kind, namespace);
  return document.toJSON();
}

class AsyncApiDocument {
  private readonly schemas = new JsonSchemaComponents();
  private readonly messages: Record<string, Json> = {};
  private readonly channels: Record<string, Json> = {};
  private readonly operations: Record<string, Json> = {};

  addNamespace(kind: string, namespace: NamespaceEvents): void {
    const channel: Channel = { kind, ref: ref(`#/channels/${kind}`), messages: {} };
    this.channels[kind] = {
      address: namespace.address,
      title: namespace.title,
      description: namespace.description,
      ...(namespace.address.includes('{channel_id}') && { parameters: { channel_id: CHANNEL_ID_PARAMETER } }),
      messages: channel.messages,
    };
    for (const [event, summary] of entries(namespace.receives)) this.receive(channel, event, summary);
    for (const [event, summary] of entries(namespace.sends)) this.send(channel, event, summary);
    const refusal = this.message(channel, 'ConnectError', () => ({
      ...CONNECT_ERROR_MESSAGE,
      payload: this.schemas.convert(connectErrorPayload, 'output'),
    }));
    this.operations[`${kind}.send.connect_error`] = {
      action: 'send',
      channel: channel.ref,
      title: 'connect_error',
      summary: 'Refuses the handshake',
      messages: [refusal],
    };
  }

  toJSON(): Json {
    return {
      asyncapi: '3.0.0',
      info: INFO,
      defaultContentType: 'application/json',
      servers: SERVERS,
      channels: this.channels,
      operations: this.operations,
      components: {
        schemas: this.schemas.schemas,
        messages: this.messages,
        securitySchemes: SECURITY_SCHEMES,
      },
    };
  }

  /** Client → server: the payload the namespace validates, the ack as the reply (or the error ack). */
  private receive(channel: Channel, event: ClientEventName, summary: string): void {
    const request = this.message(channel, `${pascal(event)}Request`, () => ({
      name: event,
      title: event,
      payload: this.schemas.convert(CLIENT_EVENTS[event], 'input'),
    }));
    const ack = this.message(channel, `${pascal(event)}Ack`, () => ({
      title: `${event} ack`,
      payload: this.schemas.convert(ackSuccess(event), 'output'),
    }));
    const failure = this.message(channel, 'AckError', () => ({
      ...ACK_ERROR_MESSAGE,
      payload: this.schemas.convert(ackFailure, 'output'),
    }));
    this.operations[`${channel.kind}.receive.${event}`] = {
      action: 'receive',
      channel: channel.ref,
      title: event,
      summary,
      description: 'Takes an ack callback (the reply): `{ok: true, ...}` or the error ack.',
      messages: [request],
      reply: { channel: channel.ref, messages: [ack, failure] },
    };
  }

  /** Server → client. */
  private send(channel: Channel, event: ServerEventName, summary: string): void {
    const message = this.message(channel, `${pascal(event)}Event`, () => ({
      name: event,
      title: event,
      payload: this.schemas.convert(SERVER_EVENTS[event], 'output'),
    }));
    this.operations[`${channel.kind}.send.${event}`] = {
      action: 'send',
      channel: channel.ref,
      title: event,
      summary,
      messages: [message],
    };
  }

  /** Writes a message once in components, lists it in the channel, and refers to it there. */
  private message(channel: Channel, key: string, make: () => Json): Ref {
    this.messages[key] ??= make();
    channel.messages[key] = ref(`#/components/messages/${key}`);
    return ref(`#/channels/${channel.kind}/messages/${key}`);
  }
}
