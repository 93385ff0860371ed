import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import type { PendingSend, SendOutbox } from '../../../application/ports/send-outbox.port';
import type { PendingSendDocument } from './schemas/pending-send.schema';

/**
 * The send outbox in the tenant's database. Each entry is inserted once and deleted once, by _id:
 * no read-modify-write, so it is safe on FerretDB v1 without a lock. The collection holds only the
 * sends in flight (and those abandoned until the sweeper runs), so the sweeper's range filter on
 * created_at, which FerretDB v1 evaluates in memory, scans a handful of documents.
 */
export class MongoSendOutbox implements SendOutbox {
  constructor(private readonly model: Model<PendingSendDocument>) {}

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
