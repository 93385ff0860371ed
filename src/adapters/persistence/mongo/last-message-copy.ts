import type { Model } from 'mongoose';
import type { ChannelDocument } from './schemas/channel.schema';
import type { MessageDocument } from './schemas/message.schema';

/**
 * Records `doc` as channel `channelId`'s last message (the copy every inbox view shows), only if its seq is
 * newer than the one recorded. The caller holds the channel's lock, as every write of the channel
 * document does (FerretDB v1 writes it back whole): the send's turn, which holds it, and
 * MongoChannelRepository.recordLastMessage, which takes it.
 */
export function recordLastMessage(channels: Model<ChannelDocument>, channelId: string, doc: MessageDocument) {
  return channels.updateOne(
    { _id: channelId, last_message_seq: { $lt: doc.seq } },
    {
      $set: {
        last_message_id: doc._id,
        last_message_seq: doc.seq,
        last_message_at: doc.created_at,
        last_activity_at: doc.created_at,
        last_message: doc,
      },
    },
  );
}

/** The last seq the channel document records (0 when none, or no such channel). */
export async function recordedLastSeq(channels: Model<ChannelDocument>, channelId: string): Promise<number> {
  const doc = await channels
    .findById(channelId, { last_message_seq: 1 })
    .lean<Pick<ChannelDocument, 'last_message_seq'>>();
  return doc?.last_message_seq ?? 0;
}
