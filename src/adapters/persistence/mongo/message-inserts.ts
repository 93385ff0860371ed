import type { Model } from 'mongoose';
import type { AppendResult } from '../../../application/ports/message-repository.port';
import type { NewMessage } from '../../../domain/message/new-message';
import { isDuplicateKey } from './mongo-errors';
import { idempotencyKey, toMessage, type MessageDocument } from './schemas/message.schema';

/** Why an insert was refused, as the unique indexes tell it. */
export type Conflict =
  { kind: 'repeat'; result: AppendResult } | { kind: 'seq-taken'; id: number } | { kind: 'id-taken' };

/**
 * A turn's inserts into `messages` and what a refusal means. FerretDB's E11000 names no index, so
 * equality lookups tell which unique index refused: the idempotency key (a repeat), `(channel, seq)`
 * (the seq counter was behind) or, by elimination, `_id` (an id reused after Redis lost its counter).
 */
export class MessageInserts {
  constructor(private readonly messages: Model<MessageDocument>) {}

  /** Inserts in order, stopping at the first duplicate key; answers how many were stored. */
  async insertInOrder(docs: MessageDocument[]): Promise<number> {
    try {
      // The documents are complete (toMessageDocument): nothing for Mongoose to cast or default.
      await this.messages.insertMany(docs, { ordered: true, lean: true });
      return docs.length;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const refused = firstRefusedIndex(error);
      if (refused === null) throw error;
      return refused;
    }
  }

  /** Why `draft`, refused at `seq`, was refused. */
  async conflictOf(draft: NewMessage, seq: number): Promise<Conflict> {
    if (draft.client_message_id !== null) {
      const idem_key = idempotencyKey(draft.channel_id, draft.user_id, draft.client_message_id, 0);
      const first = await this.messages.findOne({ idem_key }).lean<MessageDocument>();
      if (first) return { kind: 'repeat', result: { message: toMessage(first), created: false } };
    }
    const holder = await this.messages
      .findOne({ channel_id: draft.channel_id, seq }, { _id: 1 })
      .lean<Pick<MessageDocument, '_id'>>();
    return holder ? { kind: 'seq-taken', id: holder._id } : { kind: 'id-taken' };
  }
}

/** Where an ordered insertMany stopped: the index of its first write error (null if it does not say). */
function firstRefusedIndex(error: unknown): number | null {
  const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
  const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  const indexes = list.map((e) => (e as { index?: unknown }).index).filter((i) => typeof i === 'number');
  return indexes.length > 0 ? Math.min(...indexes) : null;
}
