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
import type { MessageAppender } from './message-append';
import { BlockReader, historyFlags, historyWindow, lastStoredSeq, pageOfSeqs } from './message-page-window';
import type { ChannelSequenceDocument } from './schemas/channel-sequence.schema';
import type { ChannelDocument } from './schemas/channel.schema';
import { idempotencyKey, toMessage, type MessageDocument } from './schemas/message.schema';
import type { TenantLocks } from './tenant-locks';

/**
 * Messages of one tenant. Every read is an equality match, the only filter FerretDB v1 hands to its
 * storage: by `_id`, by idempotency key, by `{channel_id, block}` for history pages, by
 * `{channel_id, parent_id}` for a thread. A thread is read whole and cut in memory: threads are
 * small next to channels (a block index per thread would cost every reply a second write).
 */
export class MongoMessageRepository implements MessageRepository {
  constructor(
    private readonly messages: Model<MessageDocument>,
    private readonly sequences: Model<ChannelSequenceDocument>,
    private readonly channels: Model<ChannelDocument>,
    private readonly appender: MessageAppender,
    private readonly locks: TenantLocks,
  ) {}

  append(draft: NewMessage, options?: AppendOptions): Promise<AppendResult> {
    return this.appender.append(draft, options);
  }

  async findById(id: number): Promise<Message | null> {
    const doc = await this.messages.findById(id).lean<MessageDocument>();
    return doc ? toMessage(doc) : null;
  }

  /**
   * In practice the ids asked for are channels' last messages (inbox views), so each is looked up
   * first among the channels' copies (channel_sequences, one row per channel), then by `_id`. One
   * equality per id, in parallel: FerretDB v1 would run `$in` over the whole collection.
   */
  async findManyByIds(ids: readonly number[]): Promise<Message[]> {
    const found = await Promise.all([...new Set(ids)].map((id) => this.findLastOrAny(id)));
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
   * Under the channel's 'sequence' lock, as append: the channel's copy of its last message is
   * cleared first, so a crash in between leaves no stale copy. A tombstone is final: an edit that
   * raced with the deletion is dropped rather than reviving it.
   */
  async update(message: Message): Promise<void> {
    const { id, channel_id, content, file_url, edited_at, deleted_at } = message.toPrimitives();
    await this.locks.run('sequence', channel_id, async () => {
      await this.sequences.updateOne({ _id: channel_id, last_id: id }, { $set: { last_message: null } });
      await this.messages.updateOne(
        { _id: id, deleted_at: null },
        { $set: { content, file_url, edited_at, deleted_at } },
      );
    });
  }

  private async findLastOrAny(id: number): Promise<Message | null> {
    const counter = await this.sequences
      .findOne({ last_id: id }, { last_message: 1 })
      .lean<Pick<ChannelSequenceDocument, 'last_message'>>();
    return counter?.last_message ? toMessage(counter.last_message) : this.findById(id);
  }

  private async historyPage(channelId: string, query: MessagePageQuery): Promise<MessagePage> {
    const blocks = new BlockReader((block) =>
      this.messages.find({ channel_id: channelId, block }).lean<MessageDocument[]>().exec(),
    );
    const lastSeq = await lastStoredSeq(
      query.knownLastSeq ?? (await this.lastSeqOf(channelId)),
      query,
      blocks,
    );
    const docs = await blocks.window(historyWindow(lastSeq, query));
    return { messages: docs.map(toMessage), ...historyFlags(lastSeq, docs.map(seqOf), query) };
  }

  /** Where the latest page starts when the caller did not say: the channel document's last seq. */
  private async lastSeqOf(channelId: string): Promise<number> {
    const doc = await this.channels
      .findById(channelId, { last_message_seq: 1 })
      .lean<Pick<ChannelDocument, 'last_message_seq'>>();
    return doc?.last_message_seq ?? 0;
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
