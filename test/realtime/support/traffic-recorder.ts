import type { EmitTarget, RedisSocketEmitter } from '../../../src/adapters/realtime/redis-socket-emitter';
import { TOKENS } from '../../../src/main/tokens';
import type { TestApi } from '../../support/test-api';
import type { DocumentedEvents } from './documented-events';
import { Sockets, TestSocket } from './test-socket';

export type Payload = Record<string, unknown>;

/** An event on a namespace, by the key of the document's channel that namespace belongs to. */
export interface Seen {
  channel: string;
  event: string;
  payload: unknown;
}

/** What Socket.IO and the namespaces' plumbing listen to on a server socket: not client events. */
const RESERVED = new Set(['disconnect', 'disconnecting', 'error']);

/**
 * Records the Socket.IO traffic of one API node, sorted by the document's channels: what its clients
 * receive and their acks, the handshakes it refuses, what it publishes through Redis (its emitter is
 * wrapped: it records, then publishes as before), and the events its server sockets listen to.
 */
export class TrafficRecorder {
  readonly sockets = new Sockets();
  readonly published: Array<{ channel: string; event: string }> = [];
  readonly handled = new Map<string, Set<string>>();
  readonly acks: Array<Seen & { reply: Payload }> = [];
  readonly refusals: Seen[] = [];
  private readonly opened: Array<{ namespace: string; socket: TestSocket }> = [];

  constructor(
    private readonly api: TestApi,
    private readonly documented: DocumentedEvents,
  ) {
    const emitter = api.node.container.get<RedisSocketEmitter>(TOKENS.SocketEmitter);
    const emit = emitter.emit.bind(emitter);
    emitter.emit = ((target: EmitTarget, event: Parameters<typeof emit>[1], payload: never) => {
      this.published.push({ channel: this.channelOf(target.namespace), event });
      return emit(target, event, payload);
    }) as typeof emitter.emit;
  }

  channelOf(namespace: string): string {
    return this.documented.channelOf(namespace).key;
  }

  namespaceOf(socket: TestSocket): string {
    return this.opened.find((o) => o.socket === socket)!.namespace;
  }

  async open(namespace: string, token: string): Promise<TestSocket> {
    const socket = await this.sockets.connect(this.api.url, namespace, token);
    this.opened.push({ namespace, socket });
    return socket;
  }

  /** Emits with an ack callback (no payload at all when `payload` is undefined) and records the ack. */
  async ask(socket: TestSocket, event: string, payload?: unknown): Promise<Payload> {
    const reply = await (payload === undefined ? socket.request(event) : socket.request(event, payload));
    this.acks.push({ channel: this.channelOf(this.namespaceOf(socket)), event, payload, reply });
    return reply;
  }

  /** A handshake with a bad token, refused: recorded as the client sees it (`err.message`, `err.data`). */
  async refuse(namespace: string): Promise<void> {
    const err = await this.sockets.track(TestSocket.open(this.api.url, namespace, 'not-a-token')).refusal();
    const payload = { message: err.message, data: err.data };
    this.refusals.push({ channel: this.channelOf(namespace), event: 'connect_error', payload });
  }

  /** The events the server sockets of every namespace listen to, now. */
  recordHandlers(): void {
    for (const nsp of this.api.node.io._nsps.values()) {
      for (const socket of nsp.sockets.values()) {
        const events = this.handled.get(this.channelOf(nsp.name)) ?? new Set();
        for (const name of socket.eventNames()) if (!RESERVED.has(String(name))) events.add(String(name));
        this.handled.set(this.channelOf(nsp.name), events);
      }
    }
  }

  /** Every event the clients received (Socket.IO's reserved events aside). */
  received(): Seen[] {
    return this.opened.flatMap(({ namespace, socket }) =>
      socket.received
        .filter((e) => !e.name.startsWith('('))
        .map((e) => ({ channel: this.channelOf(namespace), event: e.name, payload: e.payload })),
    );
  }
}
