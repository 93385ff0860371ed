import {
  AppendOptions,
  AppendResult,
  MessagePage,
  MessagePageQuery,
  MessageRepository,
} from '../../../src/application/ports/message-repository.port';
import { Message, MessagePrimitives } from '../../../src/domain/message/message.entity';
import { NewMessage } from '../../../src/domain/message/new-message';
import type { InMemoryIdSequence } from './clock.fakes';
import { InMemoryChannelRepository } from './in-memory-channel-repository';

export class InMemoryMessageRepository implements MessageRepository {
  private readonly rows = new Map<number, MessagePrimitives>();
  private readonly lastSeq = new Map<string, number>();

  constructor(
    private readonly ids: InMemoryIdSequence,
    /** Where append records, and an update rewrites, each channel's last message, as the real one does. */
    private readonly channels: InMemoryChannelRepository,
  ) {}

  async append(draft: NewMessage, options: AppendOptions = {}): Promise<AppendResult> {
    const id = await this.ids.next();
    const seq = (this.lastSeq.get(draft.channel_id) ?? 0) + 1;
    await options.beforeStore?.({ id, seq });
    const seen = draft.client_message_id
      ? await this.findByClientMessageId(draft.channel_id, draft.user_id, draft.client_message_id)
      : null;
    if (seen) return { message: seen, created: false };
    this.lastSeq.set(draft.channel_id, seq);
    const row: MessagePrimitives = { ...structuredClone(draft), id, seq };
    this.rows.set(row.id, row);
    const message = Message.fromPrimitives(structuredClone(row));
    await this.channels.recordLastMessage(draft.channel_id, message);
    return { message: Message.fromPrimitives(structuredClone(row)), created: true };
  }

  async findById(id: number): Promise<Message | null> {
    const row = this.rows.get(id);
    return row ? Message.fromPrimitives(structuredClone(row)) : null;
  }

  async findManyByIds(ids: readonly number[]): Promise<Message[]> {
    const found = await Promise.all(ids.map((id) => this.findById(id)));
    return found.filter((m): m is Message => m !== null);
  }

  async findByClientMessageId(
    channelId: string,
    userId: string,
    clientMessageId: string,
  ): Promise<Message | null> {
    const row = [...this.rows.values()].find(
      (r) => r.channel_id === channelId && r.user_id === userId && r.client_message_id === clientMessageId,
    );
    return row ? Message.fromPrimitives(structuredClone(row)) : null;
  }

  async page(channelId: string, query: MessagePageQuery): Promise<MessagePage> {
    const all = [...this.rows.values()]
      .filter(
        (r) => r.channel_id === channelId && (query.parentId === undefined || r.parent_id === query.parentId),
      )
      .sort((a, b) => a.seq - b.seq);
    const inBounds = all.filter(
      (r) => r.seq > (query.afterSeq ?? 0) && r.seq < (query.beforeSeq ?? Infinity),
    );
    const fromStart = query.afterSeq !== undefined;
    const picked = fromStart ? inBounds.slice(0, query.limit) : inBounds.slice(-query.limit);
    // An empty page still has a place: just after `afterSeq`, or just before `beforeSeq`.
    const first = picked[0]?.seq ?? (fromStart ? query.afterSeq! + 1 : (query.beforeSeq ?? Infinity));
    const last = picked.at(-1)?.seq ?? (fromStart ? query.afterSeq! : (query.beforeSeq ?? Infinity) - 1);
    return {
      messages: picked.map((r) => Message.fromPrimitives(structuredClone(r))),
      has_more_before: all.some((r) => r.seq < first),
      has_more_after: all.some((r) => r.seq > last),
    };
  }

  async update(message: Message): Promise<void> {
    const { id, content, file_url, edited_at, deleted_at } = message.toPrimitives();
    const row = this.rows.get(id);
    this.channels.refreshLastMessage(message);
    if (row && row.deleted_at === null) Object.assign(row, { content, file_url, edited_at, deleted_at });
  }

  /**
   * What MessageDecorations does on MongoDB: writes what the message shows of its reactions and pin,
   * on it and on its channel's copy; false (nothing written) for a tombstone when `liveOnly`.
   */
  decorate(message: Message, fields: Partial<MessagePrimitives>, options: { liveOnly: boolean }): boolean {
    const row = this.rows.get(message.id);
    if (!row || (options.liveOnly && row.deleted_at !== null)) return false;
    Object.assign(row, structuredClone(fields));
    this.channels.refreshLastMessage(Message.fromPrimitives(structuredClone(row)));
    return true;
  }

  /** Test helper: how many messages are stored. */
  count(): number {
    return this.rows.size;
  }

  /** Every message, in id order (the data-rights fakes read and write through these). */
  all(): Message[] {
    return [...this.rows.values()]
      .sort((a, b) => a.id - b.id)
      .map((r) => Message.fromPrimitives(structuredClone(r)));
  }

  /** Writes every field of a stored message (an erasure changes its author too). */
  overwrite(message: Message): void {
    if (this.rows.has(message.id)) this.rows.set(message.id, structuredClone(message.toPrimitives()));
  }
}
