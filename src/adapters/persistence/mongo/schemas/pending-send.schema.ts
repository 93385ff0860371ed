import { Schema } from 'mongoose';

/** A send in flight (src/application/ports/send-outbox.port.ts): inserted before the message, deleted after its follow-up. */
export interface PendingSendDocument {
  _id: string;
  channel_id: string;
  user_id: string;
  created_at: Date;
}

export const pendingSendSchema = new Schema<PendingSendDocument>(
  {
    _id: { type: String, required: true },
    channel_id: { type: String, required: true },
    user_id: { type: String, required: true },
    created_at: { type: Date, required: true },
  },
  { collection: 'send_outbox', versionKey: false, autoIndex: false, id: false },
);
// The sweeper's query (openedBefore); on FerretDB v1 the range runs in memory over the few sends in flight.
pendingSendSchema.index({ created_at: 1 });
