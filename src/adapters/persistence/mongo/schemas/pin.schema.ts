import { Schema } from 'mongoose';

/**
 * A pinned message. FerretDB v1 has no transactions and no atomic read-modify-write, so "at most
 * N pins per channel" cannot be a count read before an insert: two pins would both read N - 1.
 * Instead each pin takes one of the channel's N slots, and a unique index refuses a second pin in
 * the same slot, so the bound holds however pins race (on MongoDB as well).
 */
export interface PinDocument {
  /** The message id (tenant-wide): a message is pinned at most once. */
  _id: number;
  channel_id: string;
  /** 0 … N-1, unique per channel. */
  slot: number;
  pinned_by: string;
  pinned_at: Date;
}

export const pinSchema = new Schema<PinDocument>(
  {
    _id: { type: Number, required: true },
    channel_id: { type: String, required: true },
    slot: { type: Number, required: true },
    pinned_by: { type: String, required: true },
    pinned_at: { type: Date, required: true },
  },
  { collection: 'channel_pins', versionKey: false, autoIndex: false, id: false },
);

// The bound (one pin per slot), and a channel's pins: `{channel_id}` is this index's prefix.
pinSchema.index({ channel_id: 1, slot: 1 }, { unique: true });
