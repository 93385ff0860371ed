import { Schema } from 'mongoose';
import type { MessageDocument } from './message.schema';

/**
 * Legacy, written by the previous layout and no longer written: the seq counter now lives in Redis
 * beside the channel's lock (SendTurnLock) and the last message on the channel document. Kept so
 * that data of the previous layout reads back (the migration copies what it needs). It was:
 * per channel, the seq, id and a copy of its latest stored message, read and written by `append`
 * under the channel's 'sequence' lock; also
 * - the durable record the tenant's id counter restarts from when Redis lost it (the highest last_id);
 * - where the inbox finds each channel's last message: one row per channel, where the messages
 *   collection holds every message (on FerretDB v1 every query scans its collection in storage).
 *   An edit or deletion of that message clears the copy (last_message: null) before it writes.
 */
export interface ChannelSequenceDocument {
  /** The channel id. */
  _id: string;
  last_seq: number;
  last_id: number;
  last_message: MessageDocument | null;
}

export const channelSequenceSchema = new Schema<ChannelSequenceDocument>(
  {
    _id: { type: String, required: true },
    last_seq: { type: Number, required: true },
    last_id: { type: Number, required: true },
    // Mixed: stored as written; a nested messageSchema would bring its indexes along.
    last_message: { type: Schema.Types.Mixed, default: null },
  },
  { collection: 'channel_sequences', versionKey: false, autoIndex: false, id: false },
);

// The id counter's seed (the highest last_id: an index scan on MongoDB; on FerretDB an in-memory
// sort over one row per channel, done only when Redis lost the counter), and a last message by id.
channelSequenceSchema.index({ last_id: -1 });

/** The counter after `message` was stored. */
export function toChannelSequenceDocument(message: MessageDocument): ChannelSequenceDocument {
  return { _id: message.channel_id, last_seq: message.seq, last_id: message._id, last_message: message };
}
