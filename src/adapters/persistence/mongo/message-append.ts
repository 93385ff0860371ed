import type { Model } from 'mongoose';
import type { AppendResult } from '../../../application/ports/message-repository.port';
import type { NewMessage } from '../../../domain/message/new-message';
import type { MessageIdSequence } from '../../redis/redis-id-sequence';
import { isDuplicateKey } from './mongo-errors';
import { toChannelSequenceDocument, type ChannelSequenceDocument } from './schemas/channel-sequence.schema';
import { idempotencyKey, toMessage, toMessageDocument, type MessageDocument } from './schemas/message.schema';
import type { TenantLocks } from './tenant-locks';

/** Insert attempts before giving up; each failed one moves past one stale seq or one reused id. */
const MAX_ATTEMPTS = 20;

type Conflict =
  { kind: 'repeat'; result: AppendResult } | { kind: 'seq-taken'; id: number } | { kind: 'id-taken' };

/**
 * Message insertion, under the channel's 'sequence' lock:
 * 1. seq = the channel's counter (channel_sequences) + 1; the id comes from the tenant's sequence,
 *    asked inside the lock and above the channel's last id, so within a channel id order is seq order;
 * 2. insert; the unique indexes decide what a duplicate means (FerretDB's E11000 names no index,
 *    so equality lookups tell): the same idempotency key is a repeat (the first message is returned,
 *    nothing stored); a taken (channel, seq) means the counter is stale after a crash between the
 *    insert and the counter write, so probe the next seq; otherwise the id was reused after Redis
 *    lost its counter, so ask for a higher one;
 * 3. write the counter, with a copy of the message (channel-sequence.schema.ts).
 * If the lock ever expired early, the unique (channel_id, seq) index still keeps seqs unique and a
 * fresh id per attempt keeps them ordered.
 */
export class MessageAppender {
  constructor(
    private readonly messages: Model<MessageDocument>,
    private readonly sequences: Model<ChannelSequenceDocument>,
    private readonly ids: MessageIdSequence,
    private readonly locks: TenantLocks,
  ) {}

  append(draft: NewMessage): Promise<AppendResult> {
    return this.locks.run('sequence', draft.channel_id, () => this.appendLocked(draft));
  }

  private async appendLocked(draft: NewMessage): Promise<AppendResult> {
    const counter = await this.sequences
      .findById(draft.channel_id, { last_seq: 1, last_id: 1 })
      .lean<ChannelSequenceDocument>();
    let seq = (counter?.last_seq ?? 0) + 1;
    let floor = counter?.last_id ?? 0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const doc = toMessageDocument(draft, await this.ids.nextAbove(floor), seq);
      if (await this.inserted(doc)) {
        await this.recordCounter(doc);
        return { message: toMessage(doc), created: true };
      }
      const conflict = await this.conflictOf(draft, seq);
      if (conflict.kind === 'repeat') return conflict.result;
      if (conflict.kind === 'seq-taken') seq += 1;
      floor = Math.max(floor, doc._id, conflict.kind === 'seq-taken' ? conflict.id : 0);
    }
    throw new Error(`no free seq or id for channel ${draft.channel_id} after ${MAX_ATTEMPTS} attempts`);
  }

  private async inserted(doc: MessageDocument): Promise<boolean> {
    try {
      await this.messages.create(doc);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  private async conflictOf(draft: NewMessage, seq: number): Promise<Conflict> {
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

  private async recordCounter(doc: MessageDocument): Promise<void> {
    const { _id, ...counter } = toChannelSequenceDocument(doc);
    // The message is stored whatever happens here: a counter left behind is repaired by the next
    // append's probe, so a failure must not turn a stored message into an error (and a retry).
    await this.sequences.updateOne({ _id }, { $set: counter }, { upsert: true }).catch(() => undefined);
  }
}

/**
 * The highest message id the tenant's counters record (0 when none): the seed of the id sequence
 * when Redis lost it. Ids stored without their counter are skipped by append's retries.
 */
export async function highestRecordedId(sequences: Model<ChannelSequenceDocument>): Promise<number> {
  const top = await sequences
    .findOne({}, { last_id: 1 })
    .sort({ last_id: -1 })
    .lean<ChannelSequenceDocument>();
  return top?.last_id ?? 0;
}
