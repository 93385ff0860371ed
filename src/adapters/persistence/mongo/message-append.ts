import type { RedisClient } from '../../redis/redis-connections';
import type { Model } from 'mongoose';
import type { AppendOptions, AppendResult } from '../../../application/ports/message-repository.port';
import type { NewMessage } from '../../../domain/message/new-message';
import type { RedisIdSequence } from '../../redis/redis-id-sequence';
import type { RedisKeyedMutex } from '../../redis/redis-keyed-mutex';
import type { Waiting } from '../../batching/keyed-batches';
import { SendTurnLock, type SendTurn } from '../../redis/send-turn-lock';
import { recordedLastSeq, recordLastMessage } from './last-message-copy';
import { MessageInserts } from './message-inserts';
import type { ChannelDocument } from './schemas/channel.schema';
import type { MongoMessageSearch } from './mongo-message-search';
import { toMessage, toMessageDocument, type MessageDocument } from './schemas/message.schema';
import type { TenantLocks } from './tenant-locks';

/** Insert attempts of one turn before giving up; each failed one moves past one conflict. */
const MAX_ATTEMPTS = 20;

/** Most messages one turn stores: one insertMany, one channel write. */
export const MAX_BATCH = 64;

/** A send waiting for its channel's next turn. */
export type PendingAppend = Waiting<{ draft: NewMessage; options: AppendOptions }, AppendResult>;

/** What a turn has stored so far: answered when the turn ends, even when it ends in an error. */
interface TurnOutcome {
  answers: Array<[PendingAppend, AppendResult]>;
  /** The last message stored: the channel's last message. */
  last: MessageDocument | null;
}

function created(doc: MessageDocument): AppendResult {
  return { message: toMessage(doc), created: true };
}

/**
 * Message insertion, one turn of the channel's lock (TenantLocks 'channel', the lock that also
 * guards the channel document) at a time. MongoMessageRepository.append groups the sends into one
 * channel that arrive while a turn is running (group commit): a turn stores every message waiting,
 * up to MAX_BATCH, for two Redis calls (SendTurnLock) and two MongoDB writes, so a busy channel pays
 * a turn per batch instead of per message. In a turn:
 * 1. taking the lock reads the channel's seq counter (seeded from the channel document when Redis
 *    lost it) and a block of fresh tenant-wide ids from Redis, given out in seq order, so within a
 *    channel id order is seq order;
 * 2. one ordered insertMany (each message's `beforeStore` has run first); it stops at the first
 *    duplicate, and the unique indexes decide what that means (MessageInserts): the same idempotency key is a repeat (that send gets the first message,
 *    nothing stored); a taken (channel, seq) means the counter was behind (Redis lost it, or a crash
 *    came between an insert and the counter write), so probe the next seq; otherwise an id was reused
 *    after Redis lost its counter, so ask for higher ones. The messages after it are inserted again
 *    with the next seqs and fresh ids, so the seqs stay gapless;
 * 3. the channel document records the turn's last message (under the same lock: FerretDB v1 rewrites
 *    whole documents, so a participant change must not interleave);
 * 4. letting the lock go writes the counter, only when a message was stored: no gap in seq.
 * Every send of the turn is answered once the channel records the last message. If the lock ever
 * expired early, the unique (channel_id, seq) index still keeps seqs unique and fresh ids per attempt
 * keep them ordered.
 */
export class MessageAppendTurns {
  private readonly inserts: MessageInserts;

  constructor(
    messages: Model<MessageDocument>,
    private readonly channels: Model<ChannelDocument>,
    private readonly ids: RedisIdSequence,
    private readonly turns: { mutex: RedisKeyedMutex; redis: RedisClient; locks: TenantLocks; idKey: string },
    private readonly search: MongoMessageSearch,
  ) {
    this.inserts = new MessageInserts(messages);
  }

  /** One turn of the channel's lock: stores the batch, in order, and answers each of its sends. */
  run(channelId: string, batch: PendingAppend[]): Promise<void> {
    const { mutex, redis, locks, idKey } = this.turns;
    const lockKey = locks.key('channel', channelId);
    const keys = { lock: lockKey, seq: locks.seqKey(channelId), ids: idKey };
    const lock = new SendTurnLock(redis, keys, batch.length);
    return mutex.runHeld(lockKey, lock, (turn) => this.appendInTurn(batch, turn, lock));
  }

  /** Stores the batch, records the last message stored and answers every send it stored or repeated. */
  private async appendInTurn(batch: PendingAppend[], turn: SendTurn, lock: SendTurnLock): Promise<void> {
    const outcome: TurnOutcome = { answers: [], last: null };
    const failure = await this.storeBatch(batch, turn, lock, outcome).then(
      () => null,
      (error: unknown) => error ?? new Error('send turn failed'),
    );
    if (outcome.last) await this.recordLast(outcome.last);
    await this.indexStored(outcome);
    for (const [pending, result] of outcome.answers) pending.resolve(result);
    // What was stored is answered above; the sends left unanswered get the error (KeyedBatches).
    if (failure !== null) throw failure;
  }

  /** Inserts the batch in seq order, attempt after attempt, each moving past one conflict. */
  private async storeBatch(batch: PendingAppend[], turn: SendTurn, lock: SendTurnLock, outcome: TurnOutcome) {
    // Redis lost the channel's counter: numbering resumes from what the channel document records.
    let seq = (turn.lastSeq ?? (await recordedLastSeq(this.channels, batch[0].item.draft.channel_id))) + 1;
    let ids = turn.firstId === null ? null : batch.map((_, i) => turn.firstId! + i);
    let floor = 0;
    let remaining = batch;
    for (let attempt = 1; remaining.length > 0; attempt += 1) {
      if (attempt > MAX_ATTEMPTS)
        throw new Error(`no free seq or id for a channel after ${MAX_ATTEMPTS} attempts`);
      ids ??= await this.freshIds(remaining.length, floor);
      const docs = remaining.map((p, i) => toMessageDocument(p.item.draft, ids![i], seq + i));
      const stored = await this.storeInOrder(remaining, docs);
      remaining.slice(0, stored).forEach((p, i) => outcome.answers.push([p, created(docs[i])]));
      if (stored > 0) lock.stored((outcome.last = docs[stored - 1]).seq);
      if (stored === docs.length) return;
      const conflict = await this.inserts.conflictOf(remaining[stored].item.draft, seq + stored);
      if (conflict.kind === 'repeat') outcome.answers.push([remaining[stored], conflict.result]);
      floor = Math.max(floor, ids.at(-1)!, conflict.kind === 'seq-taken' ? conflict.id : 0);
      seq += stored + (conflict.kind === 'seq-taken' ? 1 : 0);
      remaining = remaining.slice(conflict.kind === 'repeat' ? stored + 1 : stored);
      // Fresh ids for what is left: a job held for an id must not be mistaken for the next attempt's.
      ids = null;
    }
  }

  /** Each send's `beforeStore` (its held job), then the inserts; answers how many were stored. */
  private async storeInOrder(sends: PendingAppend[], docs: MessageDocument[]): Promise<number> {
    await Promise.all(
      sends.map((p, i) => p.item.options.beforeStore?.({ id: docs[i]._id, seq: docs[i].seq })),
    );
    return this.inserts.insertInOrder(docs);
  }

  /** `count` fresh ids above `floor`, ascending (the rare path: Redis lost its counter, or a retry). */
  private async freshIds(count: number, floor: number): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < count; i += 1) ids.push(await this.ids.nextAbove(Math.max(floor, ids.at(-1) ?? 0)));
    return ids;
  }

  /**
   * The words of the messages this turn stored, in one insertMany, before the sends are answered (a
   * search right after a send finds it). Like the channel's record, a failure here must not turn
   * stored messages into errors: those messages are then not found by search (docs/decisions.md).
   */
  private async indexStored(outcome: TurnOutcome): Promise<void> {
    const stored = outcome.answers
      .filter(([, result]) => result.created)
      .map(([, r]) => r.message.toPrimitives());
    await this.search.index(stored).catch(() => undefined);
  }

  /**
   * Only-if-greater, as ChannelRepository.recordLastMessage. The messages are stored whatever happens
   * here: a failure must not turn them into errors (and retries); the sends' follow-ups repair it.
   */
  private async recordLast(doc: MessageDocument): Promise<void> {
    await recordLastMessage(this.channels, doc.channel_id, doc).catch(() => undefined);
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
