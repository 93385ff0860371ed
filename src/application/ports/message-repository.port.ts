import { Message } from '../../domain/message/message.entity';
import { NewMessage } from '../../domain/message/new-message';

export interface AppendResult {
  message: Message;
  /** False when the (channel, user, client_message_id) was already stored: `message` is that first one. */
  created: boolean;
}

export interface AppendOptions {
  /**
   * Called with the id and seq the message is about to be stored under, before it is; again with the
   * next ones if that attempt loses its seq or id to another message. A send's outbox goes here.
   */
  beforeStore?(slot: MessageSlot): Promise<void>;
}

export interface MessageSlot {
  id: number;
  seq: number;
}

/**
 * Seq bounds are exclusive. With only `beforeSeq`, or no bound, the page is the latest `limit`
 * messages (before the bound); with `afterSeq` (and maybe `beforeSeq`), the first `limit` after it.
 * An empty page keeps its place for the flags: just after `afterSeq`, or just before `beforeSeq`.
 */
export interface MessagePageQuery {
  beforeSeq?: number;
  afterSeq?: number;
  limit: number;
  /** Only the replies of this thread root; without it, every message of the channel (replies included). */
  parentId?: number;
  /**
   * The channel's last seq as the caller read it (its channel document), where the latest page
   * starts: spares looking it up. Messages stored past it by a send in progress are found all the same.
   */
  knownLastSeq?: number;
}

export interface MessagePage {
  /** Ascending seq (hence ascending id). */
  messages: Message[];
  /** The channel (or the thread, with parentId) has messages before the first one returned. */
  has_more_before: boolean;
  /** The channel (or the thread) has messages after the last one returned. */
  has_more_after: boolean;
}

/**
 * Messages of one tenant. FerretDB v1 pushes only equality filters to storage, so an
 * implementation is expected to serve `page` from equality lookups (e.g. per-channel blocks of
 * 100 seq: {channel, block}), never a range scan over a whole channel.
 */
export interface MessageRepository {
  /**
   * Stores the message, assigning atomically a tenant-wide id and the channel's next seq, so that
   * seq is gapless per channel and id order equals seq order within a channel, and records it as the
   * channel's last message (last_message_id/seq/at). Idempotent on (channel_id, user_id,
   * client_message_id): a repeat returns the first message, `created: false`, and stores nothing.
   */
  append(draft: NewMessage, options?: AppendOptions): Promise<AppendResult>;

  /** The message (tombstones included), or null. */
  findById(id: number): Promise<Message | null>;

  /** The messages that exist among `ids`, in any order. */
  findManyByIds(ids: readonly number[]): Promise<Message[]>;

  /** The message this user sent in this channel with this client_message_id, or null. */
  findByClientMessageId(channelId: string, userId: string, clientMessageId: string): Promise<Message | null>;

  /** A keyset page of a channel's history or of one thread; see MessagePageQuery. */
  page(channelId: string, query: MessagePageQuery): Promise<MessagePage>;

  /**
   * Writes an edit or a deletion: content, file_url, edited_at, deleted_at, and the channel's copy
   * of the message when it is the channel's last one. Id and seq never change.
   */
  update(message: Message): Promise<void>;
}
