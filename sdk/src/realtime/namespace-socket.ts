import type { Manager, Socket } from 'socket.io-client';
import { Emitter } from '../emitter.js';
import { ChatError, type ChatErrorBody } from '../errors.js';
import type { TokenSource } from '../rest/token-source.js';
import { Backoff, type BackoffOptions } from './backoff.js';

/** What a namespace connection reports. */
export interface NamespaceSocketEvents {
  /** Connected (the first time and after each reconnection): from now on, events arrive. */
  connect: void;
  /** The connection dropped; the reason is Socket.IO's (`transport close`, `ping timeout` …). */
  disconnect: string;
  /** The server refused the handshake for good (`channel_not_found`, `unauthenticated` …). */
  refused: ChatError;
}

type Ack = { ok: true } & Record<string, unknown>;
type AckReply = Ack | { ok: false; error: ChatErrorBody };

/** How many `token_expired` in a row are refreshed before the refusal is reported. */
const TOKEN_REFRESHES = 3;

/**
 * One Socket.IO namespace (`/ws/presence`, `/ws/chat/{id}` …) on the client's shared connection,
 * authenticated with the current token. A `token_expired` refusal asks the token provider for a new
 * token and connects again; a transient refusal (`service_unavailable`) retries with backoff; a
 * dropped connection is reconnected by Socket.IO's manager. Only a refusal for good is reported.
 */
export class NamespaceSocket extends Emitter<NamespaceSocketEvents> {
  readonly socket: Socket;
  private sentToken = '';
  private providerFailed = false;
  private refreshes = 0;
  private closed = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly backoff: Backoff;

  constructor(manager: Manager, namespace: string, tokens: TokenSource, backoff: BackoffOptions = {}) {
    super();
    this.backoff = new Backoff(backoff);
    // The manager keeps one Socket per namespace: a namespace opened again (a channel watched after
    // it was closed) gets the same Socket, so its auth is set here rather than at its creation.
    this.socket = manager.socket(namespace);
    this.socket.auth = (send) => {
      tokens.current().then(
        (token) => ((this.sentToken = token), (this.providerFailed = false), send({ token })),
        () => ((this.providerFailed = true), send({})),
      );
    };
    this.socket.on('connect', () => {
      this.refreshes = 0;
      this.backoff.reset();
      this.emit('connect', undefined);
    });
    this.socket.on('disconnect', (reason) => {
      this.emit('disconnect', reason);
      // The server closed this namespace (a node cut its clients, a removal): Socket.IO does not
      // retry that by itself. Try again: a participant who was removed is refused for good then.
      if (reason === 'io server disconnect') this.retryLater();
    });
    this.socket.on('connect_error', (error: Error & { data?: ChatErrorBody }) => {
      const code = error.data?.code;
      // No code: the transport failed, and the manager reconnects by itself.
      if (code !== undefined) this.onRefused(new ChatError(error.data!), tokens);
    });
    this.socket.connect();
  }

  /** True while connected. */
  get connected(): boolean {
    return this.socket.connected;
  }

  /**
   * Emits `event` with an ack and resolves with the ack's result; rejects with the ack's
   * {@link ChatError}, or with a plain Error when the connection dropped or no ack came in time.
   */
  async request<T extends Record<string, unknown>>(
    event: string,
    payload: unknown,
    timeoutMs: number,
  ): Promise<T> {
    const reply = (await this.socket.timeout(timeoutMs).emitWithAck(event, payload)) as AckReply;
    if (!reply.ok) throw new ChatError(reply.error);
    return reply as unknown as T;
  }

  /** Leaves the namespace (the shared connection stays for the others). */
  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.socket.disconnect();
    this.socket.removeAllListeners();
    this.removeAllListeners();
  }

  private onRefused(error: ChatError, tokens: TokenSource): void {
    if (error.code === 'token_expired' && this.refreshes < TOKEN_REFRESHES) {
      this.refreshes += 1;
      tokens.refresh(this.sentToken).then(
        () => this.reconnect(),
        () => this.retryLater(),
      );
    } else if (error.transient || (error.code === 'unauthenticated' && this.providerFailed)) {
      this.retryLater();
    } else {
      this.emit('refused', error);
    }
  }

  private retryLater(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.reconnect(), this.backoff.next());
  }

  private reconnect(): void {
    if (!this.closed && !this.socket.connected) this.socket.connect();
  }
}
