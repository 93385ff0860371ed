import { z } from 'zod';

type Json = Record<string, unknown>;
type Ref = { $ref: string };

export interface DocumentedChannel {
  /** The channel's key in the document. */
  key: string;
  /** Server → client: event name → the schema of its payload. */
  sends: Map<string, z.ZodType>;
  /** Client → server: event name → its payload schema and the schemas of its replies (the acks). */
  receives: Map<string, { payload: z.ZodType; replies: z.ZodType[] }>;
}

/**
 * What an AsyncAPI document (the served JSON, nothing from the server's code) says about each
 * Socket.IO namespace, with its payload schemas turned back into validators (zod's
 * fromJSONSchema), so a test can check real traffic against the document itself.
 */
export class DocumentedEvents {
  readonly channels: DocumentedChannel[];
  private readonly patterns: Array<{ pattern: RegExp; channel: DocumentedChannel }>;

  constructor(private readonly doc: Json) {
    const channels = doc.channels as Record<string, { address: string }>;
    this.channels = Object.keys(channels).map((key) => ({ key, sends: new Map(), receives: new Map() }));
    for (const op of Object.values(doc.operations as Record<string, Json>)) this.addOperation(op);
    this.patterns = this.channels.map((channel) => ({
      // A trailing slash is accepted after every namespace (docs/realtime.md).
      pattern: new RegExp(`^${channels[channel.key].address.replace(/\{\w+\}/g, '[^/]+')}/?$`),
      channel,
    }));
  }

  channel(key: string): DocumentedChannel {
    return this.channels.find((c) => c.key === key)!;
  }

  /** `channel event` for every event the document lists one way, on every channel that lists it. */
  listed(way: 'sends' | 'receives'): string[] {
    return this.channels.flatMap((c) => [...c[way].keys()].map((event) => `${c.key} ${event}`));
  }

  /** The channel a real namespace name (`/ws/chat/3f0e…`) belongs to. */
  channelOf(namespace: string): DocumentedChannel {
    const found = this.patterns.find(({ pattern }) => pattern.test(namespace));
    if (!found) throw new Error(`no channel of the document matches the namespace ${namespace}`);
    return found.channel;
  }

  private addOperation(op: Json): void {
    const channel = this.channels.find((c) => `#/channels/${c.key}` === (op.channel as Ref).$ref)!;
    for (const ref of op.messages as Ref[]) {
      const message = this.resolve(ref) as Json;
      const name = message.name as string;
      if (op.action === 'send') channel.sends.set(name, this.schemaOf(message));
      else {
        const replies = ((op.reply as Json | undefined)?.messages ?? []) as Ref[];
        channel.receives.set(name, {
          payload: this.schemaOf(message),
          replies: replies.map((reply) => this.schemaOf(this.resolve(reply) as Json)),
        });
      }
    }
  }

  /** A message's payload as a validator; its `#/components/schemas/…` references become definitions. */
  private schemaOf(message: Json): z.ZodType {
    const components = (this.doc.components as Json).schemas as Json;
    const json = JSON.stringify({ ...(message.payload as Json), definitions: components });
    const local = JSON.parse(json.replaceAll('"#/components/schemas/', '"#/definitions/'));
    return z.fromJSONSchema(local, { defaultTarget: 'draft-7' });
  }

  /** Follows a `$ref` within the document, and the `$ref` it lands on (channel messages refer to components). */
  private resolve(ref: Ref): unknown {
    const target = ref.$ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => (node as Json)[key], this.doc);
    return typeof (target as Ref).$ref === 'string' ? this.resolve(target as Ref) : target;
  }
}
