import { Emitter, type ListenOptions } from '../emitter.js';
import { ChatError } from '../errors.js';
import { newClientMessageId } from '../ids.js';
import type { Message, ReadState, SendMessageInput } from '../types.js';
import type { ChannelContext, ChannelEvents, ChannelStats, WatchOptions } from './channel-events.js';
import { ChannelSync } from './channel-sync.js';
import { MessageSequencer } from './message-sequencer.js';
import { NamespaceSocket } from './namespace-socket.js';
import { Outbox } from './outbox.js';
import { TypingIndicator } from './typing.js';

/**
 * One channel the application shows, on `/ws/chat/{id}`: its messages in order, without loss or
 * duplicates across disconnects; sends through a local queue; typing both ways; the channel's other
 * events as they come. Create it with `ChatClient.watch()`.
 */
export class WatchedChannel extends Emitter<ChannelEvents> {
  /** Typing: call `typing.keystroke()` on input, `typing.stop()` when the draft is cleared. */
  readonly typing: TypingIndicator;
  private readonly connection: NamespaceSocket;
  private readonly sequencer: MessageSequencer;
  private readonly sync: ChannelSync;
  private readonly outbox: Outbox;
  private closed = false;
  private readonly counts: ChannelStats = { live: 0, delivered: 0, duplicates: 0, held: 0, pagesRead: 0 };

  constructor(
    /** The channel's id. */
    readonly id: string,
    private readonly context: ChannelContext,
    options: WatchOptions = {},
    private readonly onClose: () => void = () => undefined,
  ) {
    super();
    const connection = new NamespaceSocket(context.manager, `/ws/chat/${id}`, context.tokens, context.retry);
    this.connection = connection;
    this.sequencer = new MessageSequencer((message) => {
      this.counts.delivered += 1;
      this.emit('message', message);
    });
    this.sync = new ChannelSync(
      {
        sequencer: this.sequencer,
        fetchPage: (query) => ((this.counts.pagesRead += 1), context.rest.messages(id, query)),
        connected: () => connection.connected,
        synced: () => this.emit('synced', this.sequencer.position),
        failed: (error) => this.fail(error),
      },
      { from: options.from, gapGraceMs: context.gapGraceMs, retry: context.retry },
    );
    this.outbox = new Outbox(
      {
        get connected() {
          return connection.connected;
        },
        send: async (message) =>
          (await connection.request<{ message: Message }>('chat.message', message, context.ackTimeoutMs))
            .message,
      },
      context.retry,
    );
    this.typing = new TypingIndicator(
      connection.socket,
      id,
      (change) => this.emit('typing', change),
      context.typing,
    );
    this.listen();
    options.signal?.addEventListener('abort', () => this.close(), { once: true });
  }

  /** The last delivered message's id and seq (0 while none was): persist it to resume with `from`. */
  get position(): { lastId: number; lastSeq: number } {
    return this.sequencer.position;
  }

  /** What the channel did so far (a copy). */
  get stats(): ChannelStats {
    return { ...this.counts };
  }

  /** Sends waiting for the server's ack (written offline, or in flight). */
  get pending(): number {
    return this.outbox.size;
  }

  /** True while the channel's socket is connected. */
  get connected(): boolean {
    return this.connection.connected;
  }

  /**
   * Sends a message; resolves with it as stored (with its id and seq) once the server acked it.
   * Written offline, it waits in the queue and is stored exactly once when the connection returns.
   * Also stops the typing indicator. See {@link Outbox.enqueue} for `signal`.
   */
  send(input: string | SendMessageInput, options: { signal?: AbortSignal } = {}): Promise<Message> {
    if (this.closed) return Promise.reject(new DOMException('the channel is closed', 'AbortError'));
    const body = typeof input === 'string' ? { content: input } : input;
    this.typing.stop();
    return this.outbox.enqueue({ ...body, client_message_id: newClientMessageId() }, options.signal);
  }

  /** Marks the channel read up to `messageId` (default: its latest message), over REST. */
  markRead(messageId?: number, signal?: AbortSignal): Promise<ReadState> {
    return this.context.rest.markRead(this.id, messageId, signal);
  }

  /** The channel's messages as an async iterator (in order, each once), until `signal` aborts. */
  messages(options: ListenOptions = {}): AsyncIterableIterator<Message> {
    return this.stream('message', options);
  }

  /** Stops watching: leaves the namespace, rejects the sends still waiting, drops the listeners. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.sync.stop();
    this.typing.stop();
    this.typing.disconnected();
    this.outbox.failAll(new DOMException('the channel was closed', 'AbortError'));
    this.connection.close();
    this.removeAllListeners();
    this.onClose();
  }

  private listen(): void {
    const { socket } = this.connection;
    socket.on('chat.message', (message: Message) => {
      this.counts.live += 1;
      const offered = this.sequencer.offer(message);
      if (offered === 'duplicate') this.counts.duplicates += 1;
      if (offered !== 'ahead') return;
      this.counts.held += 1;
      this.sync.noticeGap();
    });
    const forward = <K extends keyof ChannelEvents>(event: K & string) =>
      socket.on(event as string, (payload: ChannelEvents[K]) => this.emit(event, payload));
    forward('message.updated');
    forward('message.deleted');
    forward('message.read');
    forward('user.join');
    forward('user.leave');
    forward('participant.added');
    forward('participant.removed');
    forward('participant.muted');
    forward('participant.unmuted');
    forward('reaction.added');
    forward('reaction.removed');
    forward('message.pinned');
    forward('message.unpinned');
    forward('channel.updated');
    socket.on('typing', (event) => this.typing.receive(event));
    this.connection.on('connect', () => {
      this.emit('connected', undefined);
      this.outbox.resume();
      void this.sync.resync();
    });
    this.connection.on('disconnect', (reason) => {
      this.typing.disconnected();
      this.emit('disconnected', reason);
    });
    this.connection.on('refused', (error) => this.fail(error));
  }

  private fail(error: ChatError): void {
    this.emit('error', error);
    this.outbox.failAll(error);
    this.close();
  }
}
