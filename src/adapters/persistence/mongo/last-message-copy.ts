import type { Model } from 'mongoose';
import type { Message } from '../../../domain/message/message.entity';
import type { ChannelDocument } from './schemas/channel.schema';
import { messageDocumentOf } from './schemas/message.schema';
import type { TenantLocks } from './tenant-locks';

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
    const copy = messageDocumentOf(message);
    const fields = {
      last_message_id: copy._id,
      last_message_seq: copy.seq,
      last_message_at: copy.created_at,
      last_activity_at: copy.created_at,
      last_message: copy,
    };
    await this.locks.run('channel', channelId, () =>
      this.channels.updateOne({ _id: channelId, last_message_seq: { $lt: copy.seq } }, { $set: fields }),
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
