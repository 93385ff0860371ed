import type { Redis } from 'ioredis';
import type { Model } from 'mongoose';
import type { AppendOptions, AppendResult } from '../../../application/ports/message-repository.port';
import type { NewMessage } from '../../../domain/message/new-message';
import type { MessageIdSequence } from '../../redis/redis-id-sequence';
import type { RedisKeyedMutex } from '../../redis/redis-keyed-mutex';
import { SendTurnLock, type SendTurn } from '../../redis/send-turn-lock';
import { lastMessageFields } from './last-message-copy';
import { isDuplicateKey } from './mongo-errors';
import type { ChannelDocument } from './schemas/channel.schema';
import { idempotencyKey, toMessage, toMessageDocument, type MessageDocument } from './schemas/message.schema';
import type { TenantLocks } from './tenant-locks';

/** Insert attempts before giving up; each failed one moves past one stale seq or one reused id. */
const MAX_ATTEMPTS = 20;

type Conflict =
  { kind: 'repeat'; result: AppendResult } | { kind: 'seq-taken'; id: number } | { kind: 'id-taken' };

/**
 * Message insertion, in one turn of the channel's lock (TenantLocks 'channel', the lock that also
 * guards the channel document), which costs two Redis calls (SendTurnLock) and two MongoDB writes:
 * 1. taking the lock reads the channel's seq counter and a fresh tenant-wide id from Redis; the id is
 *    asked inside the lock, so within a channel id order is seq order;
 * 2. insert; the unique indexes decide what a duplicate means (FerretDB's E11000 names no index,
 *    so equality lookups tell): the same idempotency key is a repeat (the first message is returned,
 *    nothing stored); a taken (channel, seq) means the counter was behind (Redis lost it, or a crash
 *    came between an insert and the counter write), so probe the next seq; otherwise the id was
 *    reused after Redis lost its counter, so ask for a higher one;
 * 3. the channel document records its last message (under the same lock: FerretDB v1 rewrites whole
 *    documents, so a participant change must not interleave);
 * 4. letting the lock go writes the counter, only when a message was stored: no gap in seq.
 * If the lock ever expired early, the unique (channel_id, seq) index still keeps seqs unique and a
 * fresh id per attempt keeps them ordered.
 */
export class MessageAppender {
  constructor(
    private readonly messages: Model<MessageDocument>,
    private readonly channels: Model<ChannelDocument>,
    private readonly ids: MessageIdSequence,
    private readonly turns: { mutex: RedisKeyedMutex; redis: Redis; locks: TenantLocks; idKey: string },
  ) {}

  append(draft: NewMessage, options: AppendOptions = {}): Promise<AppendResult> {
    const { mutex, redis, locks, idKey } = this.turns;
    const lockKey = locks.key('channel', draft.channel_id);
    const lock = new SendTurnLock(redis, {
      lock: lockKey,
      seq: locks.seqKey(draft.channel_id),
      ids: idKey,
    });
    return mutex.runHeld(lockKey, lock, (turn) => this.appendInTurn(draft, turn, lock, options));
  }

  private async appendInTurn(
    draft: NewMessage,
    turn: SendTurn,
    lock: SendTurnLock,
    options: AppendOptions,
  ): Promise<AppendResult> {
    let seq = (turn.lastSeq ?? options.knownLastSeq ?? 0) + 1;
    let floor = 0;
    let id = turn.id;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      id ??= await this.ids.nextAbove(floor);
      const doc = toMessageDocument(draft, id, seq);
      await options.beforeStore?.({ id, seq });
      if (await this.inserted(doc)) {
        lock.stored(seq);
        await this.recordLast(doc);
        return { message: toMessage(doc), created: true };
      }
      const conflict = await this.conflictOf(draft, seq);
      if (conflict.kind === 'repeat') return conflict.result;
      if (conflict.kind === 'seq-taken') seq += 1;
      floor = Math.max(floor, id, conflict.kind === 'seq-taken' ? conflict.id : 0);
      id = null;
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

  /**
   * Only-if-greater, as ChannelRepository.recordLastMessage. The message is stored whatever happens
   * here: a failure must not turn it into an error (and a retry); the send's follow-up repairs it.
   */
  private async recordLast(doc: MessageDocument): Promise<void> {
    await this.channels
      .updateOne(
        { _id: doc.channel_id, last_message_seq: { $lt: doc.seq } },
        { $set: lastMessageFields(doc) },
      )
      .catch(() => undefined);
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
}

/**
 * The highest message id the tenant's channels record (0 when none): the seed of the id sequence
 * when Redis lost it. Ids stored without their channel record are skipped by append's retries.
 */
export async function highestRecordedId(channels: Model<ChannelDocument>): Promise<number> {
  const top = await channels
    .findOne({}, { last_message_id: 1 })
    .sort({ last_message_id: -1 })
    .lean<Pick<ChannelDocument, 'last_message_id'>>();
  return top?.last_message_id ?? 0;
}
