import type { Socket } from 'socket.io-client';
import type { MessageView } from '../../../src/application/views/message.view';

export interface MessagePage {
  results: MessageView[];
  has_more_after: boolean;
}

/**
 * The client recipe of docs/realtime.md ("Reconnecting without loss"), written as a client library
 * would: hold messages by id, remember the last one; on every connect (the first and each reconnect)
 * and whenever a live message's seq is not last seq + 1, page through `GET messages/?after=<last id>`
 * until `has_more_after` is false; a live message already held is ignored.
 */
export class ChannelFollower {
  /** Every message as the client applied it, in order. */
  readonly applied: MessageView[] = [];
  private readonly held = new Set<number>();
  private lastId = 0;
  private lastSeq = 0;
  private resyncing: Promise<void> = Promise.resolve();
  private readonly waiters = new Set<() => void>();

  constructor(
    socket: Socket,
    private readonly fetchAfter: (afterId: number) => Promise<MessagePage>,
  ) {
    socket.on('connect', () => void this.resync());
    socket.on('chat.message', (message: MessageView) => this.onLive(message));
  }

  /** Resolves once `count` messages are held. */
  async until(count: number): Promise<void> {
    for (let i = 0; i < 400 && this.applied.length < count; i++) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 25);
        this.waiters.add(() => (clearTimeout(timer), resolve()));
      });
      this.waiters.clear();
    }
    if (this.applied.length < count) throw new Error(`held ${this.applied.length} of ${count} messages`);
  }

  private onLive(message: MessageView): void {
    if (this.held.has(message.id)) return;
    // A gap (or an early arrival during a resync): the resync brings it, in order.
    if (message.seq !== this.lastSeq + 1) return void this.resync();
    this.apply(message);
  }

  private resync(): Promise<void> {
    this.resyncing = this.resyncing.then(async () => {
      for (let page = 0; page < 1_000; page++) {
        const { results, has_more_after } = await this.fetchAfter(this.lastId);
        for (const message of results) if (!this.held.has(message.id)) this.apply(message);
        if (!has_more_after) return;
      }
    });
    return this.resyncing;
  }

  private apply(message: MessageView): void {
    this.held.add(message.id);
    this.applied.push(message);
    this.lastId = Math.max(this.lastId, message.id);
    this.lastSeq = Math.max(this.lastSeq, message.seq);
    for (const wake of this.waiters) wake();
  }
}
