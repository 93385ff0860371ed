import { ValidationError } from '../shared/domain-error';

/**
 * How far a user has read a channel: the last message read and its seq. Seq 0 with no message
 * means nothing read yet. Pointers only move forward: advance() keeps whichever is further, so a
 * late or repeated mark_read (another device, a retried request) can never un-read messages.
 */
export class ReadPointer {
  private constructor(
    readonly messageId: number | null,
    readonly seq: number,
  ) {}

  /** Nothing read yet. */
  static start(): ReadPointer {
    return new ReadPointer(null, 0);
  }

  static at(messageId: number, seq: number): ReadPointer {
    if (!Number.isInteger(seq) || seq < 1 || !Number.isInteger(messageId) || messageId < 1) {
      throw new ValidationError('a read pointer needs a positive message id and seq');
    }
    return new ReadPointer(messageId, seq);
  }

  /** Rebuilds a stored pointer (null id and seq 0 for "nothing read"). */
  static fromPrimitives(messageId: number | null, seq: number): ReadPointer {
    return messageId === null ? ReadPointer.start() : ReadPointer.at(messageId, seq);
  }

  /** The further of the two pointers: never goes back. */
  advance(to: ReadPointer): ReadPointer {
    return to.seq > this.seq ? to : this;
  }

  isBefore(other: ReadPointer): boolean {
    return this.seq < other.seq;
  }
}
