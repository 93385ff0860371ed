import type { Manager } from 'socket.io-client';
import { Emitter } from '../emitter.js';
import type { ChatError } from '../errors.js';
import type { TokenSource } from '../rest/token-source.js';
import type { BackoffOptions } from './backoff.js';
import { NamespaceSocket } from './namespace-socket.js';
import { TypingIndicator, type TypingChange, type TypingOptions } from './typing.js';

/** Events of a typing-only watch. */
export interface TypingChannelEvents {
  typing: TypingChange;
  error: ChatError;
}

/**
 * Typing indicators of one channel alone, on `/ws/typing/{id}`: for a list view that shows
 * "… is typing" without the channel's messages. Create it with `ChatClient.watchTyping()`.
 */
export class TypingChannel extends Emitter<TypingChannelEvents> {
  /** Typing both ways, as on a watched channel. */
  readonly typing: TypingIndicator;
  private readonly connection: NamespaceSocket;

  constructor(
    /** The channel's id. */
    readonly id: string,
    context: { manager: Manager; tokens: TokenSource; retry: BackoffOptions; typing: TypingOptions },
  ) {
    super();
    this.connection = new NamespaceSocket(context.manager, `/ws/typing/${id}`, context.tokens, context.retry);
    this.typing = new TypingIndicator(
      this.connection.socket,
      id,
      (change) => this.emit('typing', change),
      context.typing,
    );
    this.connection.socket.on('typing', (event) => this.typing.receive(event));
    this.connection.on('disconnect', () => this.typing.disconnected());
    this.connection.on('refused', (error) => (this.emit('error', error), this.close()));
  }

  /** Stops watching (and stops the caller's own indicator). */
  close(): void {
    this.typing.stop();
    this.typing.disconnected();
    this.connection.close();
    this.removeAllListeners();
  }
}
