import { Manager, type ManagerOptions } from 'socket.io-client';
import { ChatRest } from './rest/chat-rest.js';
import { createApiClient } from './rest/rest-client.js';
import { TokenSource, type TokenProvider } from './rest/token-source.js';
import type { BackoffOptions } from './realtime/backoff.js';
import { Inbox } from './realtime/inbox.js';
import { NamespaceSocket } from './realtime/namespace-socket.js';
import type { TypingOptions } from './realtime/typing.js';
import { TypingChannel } from './realtime/typing-channel.js';
import type { ChannelContext, WatchOptions } from './realtime/channel-events.js';
import { WatchedChannel } from './realtime/watched-channel.js';

/** How to reach the chat backend, as whom, and the client's tuning. */
export interface ChatClientOptions {
  /** The backend's origin, e.g. `https://chat.example.com` (REST and Socket.IO share it). */
  baseUrl: string;
  /** The tenant slug (the token's `tenant` claim). */
  tenant: string;
  /** Returns the user's JWT; called at start and again whenever the server says `token_expired`. */
  token: TokenProvider;
  /** A fetch of your own (default: the global one). */
  fetch?: typeof globalThis.fetch;
  /** Socket.IO manager options (`transports`, `reconnectionDelay` …), merged over the defaults. */
  socket?: Partial<ManagerOptions>;
  /** Backoff of the client's own retries (failed reads, refused sends, transient refusals). */
  retry?: BackoffOptions;
  /** How long a send waits for its ack before it is sent again, same id (default 15,000 ms). */
  ackTimeoutMs?: number;
  /** How long a gap in `seq` may wait for the missing message before history is read (default 200 ms). */
  gapGraceMs?: number;
  /** Timing of typing indicators. */
  typing?: TypingOptions;
}

/**
 * The chat backend for one user of one tenant: `rest` (typed REST), `inbox` (unread counts,
 * presence, notifications, on `/ws/presence`, opened at once) and `watch()` for each channel shown.
 * Every socket shares one connection, which reconnects by itself; `close()` ends it all.
 */
export class ChatClient {
  /** The REST API, typed from the server's OpenAPI document. */
  readonly rest: ChatRest;
  /** Unread counts, presence and notifications. */
  readonly inbox: Inbox;
  private readonly manager: Manager;
  private readonly context: ChannelContext;
  private readonly channels = new Map<string, WatchedChannel>();
  private readonly typingChannels = new Set<TypingChannel>();

  constructor(options: ChatClientOptions) {
    const tokens = new TokenSource(options.token);
    const retry = options.retry ?? {};
    const ackTimeoutMs = options.ackTimeoutMs ?? 15_000;
    this.rest = new ChatRest(createApiClient(options.baseUrl, tokens, options.fetch), options.tenant);
    // autoConnect off: each namespace connects once, when the client opens it.
    this.manager = new Manager(options.baseUrl, { autoConnect: false, ...options.socket });
    this.context = {
      manager: this.manager,
      tokens,
      rest: this.rest,
      retry,
      ackTimeoutMs,
      gapGraceMs: options.gapGraceMs ?? 200,
      typing: options.typing ?? {},
    };
    this.inbox = new Inbox(
      new NamespaceSocket(this.manager, '/ws/presence', tokens, retry),
      this.rest,
      ackTimeoutMs,
      retry,
    );
  }

  /**
   * Watches a channel: its messages in order, sends, typing and events. Watching a channel watched
   * already returns the same object (its `from` stays as first given).
   */
  watch(channelId: string, options: WatchOptions = {}): WatchedChannel {
    const existing = this.channels.get(channelId);
    if (existing) return existing;
    const channel = new WatchedChannel(channelId, this.context, options, () =>
      this.channels.delete(channelId),
    );
    this.channels.set(channelId, channel);
    return channel;
  }

  /** Typing indicators of a channel alone (`/ws/typing/{id}`), for a view that lists channels. */
  watchTyping(channelId: string): TypingChannel {
    const channel = new TypingChannel(channelId, this.context);
    this.typingChannels.add(channel);
    return channel;
  }

  /** Closes every watch, the inbox and the connection; sends still waiting are rejected. */
  close(): void {
    for (const channel of [...this.channels.values()]) channel.close();
    for (const channel of this.typingChannels) channel.close();
    this.inbox.close();
    this.manager.engine?.close();
  }
}
