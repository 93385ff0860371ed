import { Schema } from 'mongoose';
import type { ReadReceiptRange } from '../../../../domain/read/read-receipt';
import { blocksBetween } from './message-blocks';

/** One pointer advance: the user read the seqs in (from_seq, to_seq] at read_at. */
export interface ReadReceiptDocument extends ReadReceiptRange {
  /** JSON [channel_id, user_id, to_seq]: recording the same advance twice stores it once. */
  _id: string;
  /** The message blocks the range covers, so that `readersOf` reads one block's ranges by equality. */
  blocks: number[];
}

export const readReceiptSchema = new Schema<ReadReceiptDocument>(
  {
    _id: { type: String, required: true },
    user_id: { type: String, required: true },
    channel_id: { type: String, required: true },
    from_seq: { type: Number, required: true },
    to_seq: { type: Number, required: true },
    to_message_id: { type: Number, required: true },
    read_at: { type: Date, required: true },
    blocks: { type: [Number], required: true },
  },
  { collection: 'read_receipts', versionKey: false, autoIndex: false, id: false },
);

// Who read a message: the ranges of its channel that touch its block. A multikey index on MongoDB;
// on FerretDB the array equality `{blocks: b}` is pushed down as JSON containment.
readReceiptSchema.index({ channel_id: 1, blocks: 1 });
// A user's ranges, in every channel: their data export and their erasure (data rights).
readReceiptSchema.index({ user_id: 1 });

export function toReadReceiptDocument(range: ReadReceiptRange): ReadReceiptDocument {
  return {
    _id: JSON.stringify([range.channel_id, range.user_id, range.to_seq]),
    ...range,
    blocks: blocksBetween(range.from_seq + 1, range.to_seq),
  };
}

export function toReadReceiptRange(doc: ReadReceiptDocument): ReadReceiptRange {
  const { user_id, channel_id, from_seq, to_seq, to_message_id, read_at } = doc;
  return { user_id, channel_id, from_seq, to_seq, to_message_id, read_at };
}
