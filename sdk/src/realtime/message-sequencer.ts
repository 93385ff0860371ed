import type { Message } from '../types.js';

/** What became of a live message offered to the sequencer. */
export type Offered = 'delivered' | 'duplicate' | 'ahead';

/**
 * Puts one channel's messages in order: each is delivered once, by `seq`, whichever way it came
 * (live, the sender's ack, a history page). A channel's ids grow with its seqs, so "delivered
 * already" is "id at or below the last delivered id": deduplication by id without keeping the ids.
 * A live message ahead of the next seq is held until the gap is filled (by a later live message or
 * a history page).
 */
export class MessageSequencer {
  private lastId = 0;
  private lastSeq = 0;
  private readonly ahead = new Map<number, Message>();

  constructor(private readonly deliver: (message: Message) => void) {}

  /** The last delivered message's id and seq (0 while none was). */
  get position(): { lastId: number; lastSeq: number } {
    return { lastId: this.lastId, lastSeq: this.lastSeq };
  }

  /** True while a message is held for a gap before it. */
  get hasGap(): boolean {
    return this.ahead.size > 0;
  }

  /** Starts after a message the application already holds (none delivered before it). */
  startAfter(lastId: number, lastSeq: number): void {
    this.lastId = lastId;
    this.lastSeq = lastSeq;
  }

  /** A live message: delivered when it is the next seq, held when it is ahead of it. */
  offer(message: Message): Offered {
    if (message.id <= this.lastId || message.seq <= this.lastSeq) return 'duplicate';
    if (message.seq !== this.lastSeq + 1) {
      this.ahead.set(message.seq, message);
      return 'ahead';
    }
    this.apply(message);
    this.drainAhead();
    return 'delivered';
  }

  /**
   * A page of history (ascending id, without gaps: REST is the source of truth): what is not
   * delivered yet is delivered in order, then the held messages it made contiguous.
   */
  applyPage(messages: readonly Message[]): void {
    for (const message of messages) if (message.id > this.lastId) this.apply(message);
    this.drainAhead();
  }

  private drainAhead(): void {
    if (this.ahead.size === 0) return;
    for (const seq of [...this.ahead.keys()]) if (seq <= this.lastSeq) this.ahead.delete(seq);
    for (let next = this.ahead.get(this.lastSeq + 1); next; next = this.ahead.get(this.lastSeq + 1)) {
      this.ahead.delete(next.seq);
      this.apply(next);
    }
  }

  private apply(message: Message): void {
    this.lastId = message.id;
    this.lastSeq = message.seq;
    this.deliver(message);
  }
}
