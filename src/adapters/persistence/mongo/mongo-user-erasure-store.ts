import type { ReadingDeleted, UserErasureStore } from '../../../application/ports/user-erasure-store.port';
import type { Channel } from '../../../domain/channel/channel.entity';
import type { Message } from '../../../domain/message/message.entity';
import type { UserErasure } from '../../../domain/user/user-erasure';
import { isDuplicateKey } from './mongo-errors';
import { toChannel, type ChannelDocument } from './schemas/channel.schema';
import { idempotencyKey, messageDocumentOf, toMessage, type MessageDocument } from './schemas/message.schema';
import {
  toUserErasure,
  toUserErasureDocument,
  type UserErasureDocument,
} from './schemas/user-erasure.schema';
import type { TenantLocks } from './tenant-locks';
import type { TenantModels } from './tenant-models';

/** The channel document without its copy of the last message (not needed to erase a user from it). */
const CHANNEL_FIELDS = { last_message: 0 } as const;

/**
 * The writes of a user's erasure, on top-level equality filters (`{member_ids}`, `{created_by}`,
 * `{user_id}`: each served by an index, and pushed down by FerretDB v1). Channel and message writes
 * take the same per-document locks as every other write of those documents (TenantLocks), because
 * FerretDB v1 rewrites whole documents and would otherwise lose a concurrent change.
 */
export class MongoUserErasureStore implements UserErasureStore {
  constructor(
    private readonly models: TenantModels,
    private readonly locks: TenantLocks,
  ) {}

  async begin(erasure: UserErasure): Promise<UserErasure> {
    const records = this.models.userErasures;
    try {
      await records.create(toUserErasureDocument(erasure));
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const stored = await records.findById(erasure.user_id).lean<UserErasureDocument>();
    return stored ? toUserErasure(stored) : erasure;
  }

  async finish(userId: string): Promise<void> {
    await this.models.userErasures.deleteOne({ _id: userId });
  }

  async channelsNaming(userId: string, limit: number): Promise<Channel[]> {
    const channels = this.models.channels;
    const members = await channels
      .find({ member_ids: userId }, CHANNEL_FIELDS)
      .limit(limit)
      .lean<ChannelDocument[]>();
    const creators =
      members.length < limit
        ? await channels.find({ created_by: userId }, CHANNEL_FIELDS).limit(limit).lean<ChannelDocument[]>()
        : [];
    const byId = new Map([...members, ...creators].map((doc) => [doc._id, doc]));
    return [...byId.values()].slice(0, limit).map(toChannel);
  }

  async saveChannelReferences(channel: Channel): Promise<void> {
    const { id, created_by, direct_key } = channel.toPrimitives();
    await this.locks.run('channel', id, () =>
      this.models.channels.updateOne({ _id: id }, { $set: { created_by, direct_key } }),
    );
  }

  async messagesBy(userId: string, limit: number): Promise<Message[]> {
    const docs = await this.models.messages.find({ user_id: userId }).limit(limit).lean<MessageDocument[]>();
    return docs.map(toMessage);
  }

  async saveErasedMessages(userId: string, messages: readonly Message[]): Promise<void> {
    // The search index first: nothing of the user's words stays findable (the retry of a crash
    // after this finds the messages still naming the user and comes back here).
    await this.models.searchTerms.deleteMany({ u: userId });
    const byChannel = new Map<string, Message[]>();
    for (const message of messages)
      byChannel.set(message.channelId, [...(byChannel.get(message.channelId) ?? []), message]);
    for (const [channelId, erased] of byChannel) {
      // The channel's copy first (as MessageRepository.update does): a crash in between leaves the
      // message still naming the user, which the retry finds, never a copy that does.
      await this.eraseLastMessageCopy(channelId, userId, erased);
      await this.locks.run('sequence', channelId, () =>
        this.models.messages.bulkWrite(
          erased.map((message) => ({
            updateOne: {
              filter: { _id: message.id, user_id: userId },
              update: { $set: erasedFields(message) },
            },
          })),
          { ordered: false },
        ),
      );
    }
  }

  async deleteReading(userId: string): Promise<ReadingDeleted> {
    const states = await this.models.userChannelStates.deleteMany({ user_id: userId });
    const receipts = await this.models.readReceipts.deleteMany({ user_id: userId });
    return { read_states: states.deletedCount, receipts: receipts.deletedCount };
  }

  async deleteProfile(userId: string): Promise<boolean> {
    return (await this.models.users.deleteOne({ _id: userId })).deletedCount > 0;
  }

  /**
   * Rewrites the channel document's copy of its last message when it is one of `erased`; also clears
   * the previous layout's copy (channel_sequences, read by a migration only) when it is the user's.
   */
  private async eraseLastMessageCopy(
    channelId: string,
    userId: string,
    erased: readonly Message[],
  ): Promise<void> {
    const channel = await this.models.channels
      .findById(channelId, { last_message_id: 1 })
      .lean<Pick<ChannelDocument, 'last_message_id'>>();
    const last = erased.find((message) => message.id === channel?.last_message_id);
    if (last)
      await this.locks.run('channel', channelId, () =>
        this.models.channels.updateOne(
          { _id: channelId, last_message_id: last.id },
          { $set: { last_message: messageDocumentOf(last) } },
        ),
      );
    await this.models.channelSequences.updateOne(
      { _id: channelId, 'last_message.user_id': userId },
      { $set: { last_message: null } },
    );
  }
}

/** Everything an erasure changes in a message document; its idempotency key named the author. */
function erasedFields(message: Message): Partial<MessageDocument> {
  const { id, channel_id, user_id, content, file_url, client_message_id, deleted_at } =
    message.toPrimitives();
  const idem_key = idempotencyKey(channel_id, user_id, client_message_id, id);
  return { user_id, content, file_url, client_message_id, deleted_at, idem_key };
}
