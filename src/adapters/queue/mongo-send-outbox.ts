import { randomUUID } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import type { PendingSend, SendOutbox } from '../../application/ports/send-outbox.port';

interface PendingSendDocument {
  _id: string;
  channel_id: string;
  user_id: string;
  created_at: Date;
}

const pendingSendSchema = new Schema<PendingSendDocument>(
  {
    _id: { type: String, required: true },
    channel_id: { type: String, required: true },
    user_id: { type: String, required: true },
    created_at: { type: Date, required: true },
  },
  { collection: 'send_outbox', versionKey: false, autoIndex: false, id: false },
);

/**
 * The send outbox in the tenant's database. Each entry is inserted once and deleted once, by _id:
 * no read-modify-write, so it is safe on FerretDB v1 without a lock. The collection holds only the
 * sends in flight (and those abandoned until the sweeper runs), so the sweeper's range filter on
 * created_at, which FerretDB v1 evaluates in memory, scans a handful of documents.
 */
export class MongoSendOutbox implements SendOutbox {
  private readonly model: Model<PendingSendDocument>;

  constructor(db: Connection) {
    this.model = db.models.PendingSend ?? db.model<PendingSendDocument>('PendingSend', pendingSendSchema);
  }

  async open(send: Omit<PendingSend, 'token'>): Promise<string> {
    const token = randomUUID();
    await this.model.create({ _id: token, ...send });
    return token;
  }

  async close(token: string): Promise<void> {
    if (token) await this.model.deleteOne({ _id: token });
  }

  async openedBefore(cutoff: Date, limit: number): Promise<PendingSend[]> {
    const docs = await this.model
      .find({ created_at: { $lt: cutoff } })
      .sort({ created_at: 1 })
      .limit(limit)
      .lean();
    return docs.map(({ _id, channel_id, user_id, created_at }) => ({
      token: _id,
      channel_id,
      user_id,
      created_at,
    }));
  }
}
