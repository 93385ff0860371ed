import type { Model } from 'mongoose';
import type { Message } from '../../../domain/message/message.entity';
import type { ChannelDocument } from './schemas/channel.schema';
import { messageDocumentOf, type MessageDocument } from './schemas/message.schema';
import type { TenantLocks } from './tenant-locks';

/**
 * What a channel document holds of its last message, for a `$set` guarded by
 * `last_message_seq: {$lt: doc.seq}` (a writer already holding the channel's lock uses it directly).
 */
export function lastMessageFields(doc: MessageDocument) {
  return {
    last_message_id: doc._id,
    last_message_seq: doc.seq,
    last_message_at: doc.created_at,
    last_activity_at: doc.created_at,
    last_message: doc,
  };
}

/**
 * The channel document's copy of its last message, which every inbox view shows: written by the send
 * (only a newer seq replaces it) and rewritten when that message is edited or deleted. Both run under
 * the channel's lock, as every write of the channel document does (FerretDB v1 writes it back whole).
 */
export class LastMessageCopies {
  constructor(
    private readonly channels: Model<ChannelDocument>,
    private readonly locks: TenantLocks,
  ) {}

  async record(channelId: string, message: Message): Promise<void> {
    const doc = messageDocumentOf(message);
    await this.locks.run('channel', channelId, () =>
      this.channels.updateOne(
        { _id: channelId, last_message_seq: { $lt: doc.seq } },
        { $set: lastMessageFields(doc) },
      ),
    );
  }

  /** A no-op unless `message` is its channel's last message; a deleted copy is never revived. */
  async refresh(message: Message): Promise<void> {
    await this.locks.run('channel', message.channelId, () =>
      this.channels.updateOne(
        { _id: message.channelId, last_message_id: message.id, 'last_message.deleted_at': null },
        { $set: { last_message: messageDocumentOf(message) } },
      ),
    );
  }
}
