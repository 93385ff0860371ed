import { abortReason, ChatError } from '../errors.js';
import type { Message, SendMessageInput } from '../types.js';
import { Backoff, type BackoffOptions } from './backoff.js';

/** A send as the server receives it: with its idempotency key. */
export type OutgoingMessage = SendMessageInput & { client_message_id: string };

/** How the outbox reaches the server: the channel's socket. */
export interface OutboxTransport {
  readonly connected: boolean;
  /** Emits `chat.message` and resolves with the ack's message; rejects with the ack's ChatError, or when no ack came. */
  send(message: OutgoingMessage): Promise<Message>;
}

interface Entry {
  message: OutgoingMessage;
  resolve(message: Message): void;
  reject(reason: unknown): void;
  /** Handed to the server at least once: it may be stored, so it is finished, never withdrawn. */
  handedOver: boolean;
}

/**
 * A channel's queue of sends. Each message gets its `client_message_id` when it is queued and keeps
 * it: it is sent when the socket is connected, one at a time in the order written, and sent again
 * with the same id after a dropped connection or a missing ack until an ack comes. The server
 * stores one message per id, so a message written offline is stored exactly once when the network
 * returns. A refusal for good (validation_error …) rejects that send and the queue goes on.
 */
export class Outbox {
  private readonly queue: Entry[] = [];
  private pumping = false;
  private readonly backoff: Backoff;

  constructor(
    private readonly transport: OutboxTransport,
    retry: BackoffOptions = {},
  ) {
    this.backoff = new Backoff(retry);
  }

  /** Sends waiting for their ack. */
  get size(): number {
    return this.queue.length;
  }

  /**
   * Queues a message. Aborting `signal` withdraws it while it waits; once handed to the server it is
   * still completed (it may be stored already), but the returned promise rejects at once.
   */
  enqueue(message: OutgoingMessage, signal?: AbortSignal): Promise<Message> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<Message>((resolve, reject) => {
      const entry: Entry = { message, resolve, reject, handedOver: false };
      const onAbort = () => {
        if (!entry.handedOver) this.queue.splice(this.queue.indexOf(entry), 1);
        entry.resolve = () => undefined;
        reject(abortReason(signal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      entry.resolve = (stored) => (signal?.removeEventListener('abort', onAbort), resolve(stored));
      this.queue.push(entry);
      void this.pump();
    });
  }

  /** Sends what waits (called on every connect). */
  resume(): void {
    void this.pump();
  }

  /** Rejects every waiting send (the channel is closed or the user was removed). */
  failAll(reason: unknown): void {
    for (const entry of this.queue.splice(0)) entry.reject(reason);
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0 && this.transport.connected) await this.sendHead(this.queue[0]);
    } finally {
      this.pumping = false;
    }
  }

  private async sendHead(entry: Entry): Promise<void> {
    entry.handedOver = true;
    try {
      const stored = await this.transport.send(entry.message);
      this.remove(entry);
      this.backoff.reset();
      entry.resolve(stored);
    } catch (error) {
      if (error instanceof ChatError && !error.transient) {
        this.remove(entry);
        entry.reject(error);
      } else if (error instanceof ChatError) {
        // rate_limited, service_unavailable: the same message later.
        await new Promise((resolve) => setTimeout(resolve, this.backoff.next()));
      }
      // Otherwise the connection dropped or the ack is late: sent again as it is, when connected.
    }
  }

  private remove(entry: Entry): void {
    const index = this.queue.indexOf(entry);
    if (index >= 0) this.queue.splice(index, 1);
  }
}
