import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';

export interface Received {
  name: string;
  payload: unknown;
}

const WAIT_MS = 8_000;

/**
 * A socket.io-client socket that records every event from the moment it is created, so a test can
 * await an event that may already have arrived, count events, and close everything at the end.
 */
export class TestSocket {
  readonly received: Received[] = [];
  private readonly waiters = new Set<() => void>();

  private constructor(readonly socket: Socket) {
    const record = (name: string, payload: unknown) => {
      this.received.push({ name, payload });
      for (const wake of [...this.waiters]) wake();
    };
    socket.onAny(record);
    // Reserved events are not seen by onAny: recorded under a name no server event has.
    socket.on('disconnect', (reason) => record('(disconnect)', reason));
  }

  /** Opens a socket on `url + namespace` (own engine connection, no reconnection unless asked). */
  static open(
    url: string,
    namespace: string,
    token?: string,
    options: Partial<ManagerOptions & SocketOptions> = {},
  ): TestSocket {
    const socket = io(`${url}${namespace}`, {
      auth: token === undefined ? {} : { token },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      ...options,
    });
    return new TestSocket(socket);
  }

  /** Opens and resolves once connected; rejects with the `connect_error`. */
  static async connect(
    url: string,
    namespace: string,
    token?: string,
    options: Partial<ManagerOptions & SocketOptions> = {},
  ): Promise<TestSocket> {
    const client = TestSocket.open(url, namespace, token, options);
    await client.connected();
    return client;
  }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  /** The `connect_error` this socket gets (fails if it connects). */
  refusal(): Promise<Error & { data?: unknown }> {
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => reject(new Error('connected, but a refusal was expected')));
      this.socket.once('connect_error', resolve);
    });
  }

  /** Payloads of the events received so far with that name (and matching `where`). */
  all<T = Record<string, unknown>>(name: string, where: (payload: T) => boolean = () => true): T[] {
    return this.received.filter((e) => e.name === name && where(e.payload as T)).map((e) => e.payload as T);
  }

  /** Resolves with the `count`-th event of that name matching `where` (already received or to come). */
  async next<T = Record<string, unknown>>(
    name: string,
    where: (payload: T) => boolean = () => true,
    count = 1,
  ): Promise<T> {
    const found = () => this.all<T>(name, where)[count - 1];
    if (found() !== undefined) return found();
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(
          new Error(
            `no ${count}× "${name}" within ${WAIT_MS} ms; got ${JSON.stringify(this.received.map((e) => e.name))}`,
          ),
        );
      }, WAIT_MS);
      const check = () => {
        const payload = found();
        if (payload === undefined) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(payload);
      };
      this.waiters.add(check);
    });
  }

  /** Emits with an ack callback and resolves with the ack. */
  request<T = Record<string, unknown>>(event: string, ...args: unknown[]): Promise<T> {
    return this.socket.timeout(WAIT_MS).emitWithAck(event, ...args) as Promise<T>;
  }

  /** Resolves with the reason of this socket's first disconnection (already happened or to come). */
  disconnection(): Promise<string> {
    return this.next<string>('(disconnect)');
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** Closes every socket a test opened. */
export class Sockets {
  private readonly open: TestSocket[] = [];

  track(socket: TestSocket): TestSocket {
    this.open.push(socket);
    return socket;
  }

  async connect(...args: Parameters<typeof TestSocket.connect>): Promise<TestSocket> {
    const socket = this.track(TestSocket.open(...args));
    await socket.connected();
    return socket;
  }

  closeAll(): void {
    for (const socket of this.open.splice(0)) socket.close();
  }
}
