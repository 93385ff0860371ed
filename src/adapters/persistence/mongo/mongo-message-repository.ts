import type { Model } from 'mongoose';
import type {
  AppendOptions,
  AppendResult,
  MessagePage,
  MessagePageQuery,
  MessageRepository,
} from '../../../application/ports/message-repository.port';
import type { Message } from '../../../domain/message/message.entity';
import type { NewMessage } from '../../../domain/message/new-message';
import { KeyedBatches } from '../../batching/keyed-batches';
import { MAX_BATCH, type MessageAppendTurns, type PendingAppend } from './message-append';
import { recordedLastSeq } from './last-message-copy';
import { BlockReader, historyFlags, historyWindow, lastStoredSeq, pageOfSeqs } from './message-page-window';
import type { ChannelDocument } from './schemas/channel.schema';
import { idempotencyKey, toMessage, type MessageDocument } from './schemas/message.schema';
import type { MongoMessageSearch } from './mongo-message-search';
import type { TenantLocks } from './tenant-locks';

/**
 * Messages of one tenant. Every read is an equality match, the only filter FerretDB v1 hands to its
 * storage: by `_id`, by idempotency key, by `{channel_id, block}` for history pages, by
 * `{channel_id, parent_id}` for a thread. A thread is read whole and cut in memory: threads are
 * small next to channels (a block index per thread would cost every reply a second write).
 */
export class MongoMessageRepository implements MessageRepository {
  /** Per channel, the sends waiting for its next turn in this process. */
  private readonly waiting: KeyedBatches<PendingAppend['item'], AppendResult>;

  constructor(
    private readonly messages: Model<MessageDocument>,
    private readonly channels: Model<ChannelDocument>,
    turns: MessageAppendTurns,
    private readonly locks: TenantLocks,
    private readonly search: MongoMessageSearch,
  ) {
    this.waiting = new KeyedBatches(MAX_BATCH, (channelId, batch) => turns.run(channelId, batch));
  }

  /**
   * Group commit: a send into a channel whose turn is running waits for the channel's next turn in
   * this process and shares it with the others waiting (MessageAppendTurns stores them in one go).
   */
  append(draft: NewMessage, options: AppendOptions = {}): Promise<AppendResult> {
    return this.waiting.add(draft.channel_id, { draft, options });
  }

  async findById(id: number): Promise<Message | null> {
    const doc = await this.messages.findById(id).lean<MessageDocument>();
    return doc ? toMessage(doc) : null;
  }

  /** One `_id` equality per id, in parallel: FerretDB v1 would run `$in` over the whole collection. */
  async findManyByIds(ids: readonly number[]): Promise<Message[]> {
    const found = await Promise.all([...new Set(ids)].map((id) => this.findById(id)));
    return found.filter((message): message is Message => message !== null);
  }

  async findByClientMessageId(
    channelId: string,
    userId: string,
    clientMessageId: string,
  ): Promise<Message | null> {
    const idem_key = idempotencyKey(channelId, userId, clientMessageId, 0);
    const doc = await this.messages.findOne({ idem_key }).lean<MessageDocument>();
    return doc ? toMessage(doc) : null;
  }

  page(channelId: string, query: MessagePageQuery): Promise<MessagePage> {
    return query.parentId === undefined
      ? this.historyPage(channelId, query)
      : this.threadPage(channelId, query);
  }

  /**
   * The channel's copy of its last message is rewritten first (when this is that message), so a
   * crash in between shows the edit or deletion in the inbox before history has it (a retry
   * completes it), never a deleted message's content. Then the message, under the channel's
   * 'sequence' lock as every message write. A tombstone is final: an edit that raced with the
   * deletion is dropped rather than reviving it, in the copy and in the message. Only the fields an
   * edit or deletion changes are written, in the copy as in the message: its reactions and pin are
   * MessageDecorations' to write, and this message's copy of them may be older.
   */
  async update(message: Message): Promise<void> {
    const { id, channel_id, content, file_url, edited_at, deleted_at } = message.toPrimitives();
    const changes = { content, file_url, edited_at, deleted_at };
    const copy = Object.fromEntries(
      Object.entries(changes).map(([key, value]) => [`last_message.${key}`, value]),
    );
    await this.locks.run('channel', channel_id, () =>
      this.channels.updateOne(
        { _id: channel_id, last_message_id: id, 'last_message.deleted_at': null },
        { $set: copy },
      ),
    );
    await this.locks.run('sequence', channel_id, () =>
      this.messages.updateOne({ _id: id, deleted_at: null }, { $set: changes }),
    );
    // The edited words, or none for a tombstone: a failure fails the edit, which the client retries.
    await this.search.reindex(message.toPrimitives());
  }

  private async historyPage(channelId: string, query: MessagePageQuery): Promise<MessagePage> {
    const blocks = new BlockReader((block) =>
      this.messages.find({ channel_id: channelId, block }).lean<MessageDocument[]>().exec(),
    );
    const lastSeq = await lastStoredSeq(
      query.knownLastSeq ?? (await recordedLastSeq(this.channels, channelId)),
      query,
      blocks,
    );
    const docs = await blocks.window(historyWindow(lastSeq, query));
    return { messages: docs.map(toMessage), ...historyFlags(lastSeq, docs.map(seqOf), query) };
  }

  private async threadPage(channelId: string, query: MessagePageQuery): Promise<MessagePage> {
    const replies = await this.messages
      .find({ channel_id: channelId, parent_id: query.parentId })
      .lean<MessageDocument[]>();
    const bySeqNumber = new Map(replies.map((doc) => [doc.seq, doc]));
    const { picked, ...flags } = pageOfSeqs(
      replies.map(seqOf).sort((a, b) => a - b),
      query,
    );
    return { messages: picked.map((seq) => toMessage(bySeqNumber.get(seq)!)), ...flags };
  }
}

function seqOf(doc: MessageDocument): number {
  return doc.seq;
}
