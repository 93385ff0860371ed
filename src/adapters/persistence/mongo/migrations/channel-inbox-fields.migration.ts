import { memberIdsOf, type ChannelDocument } from '../schemas/channel.schema';
import type { MessageDocument } from '../schemas/message.schema';
import { forEachConcurrently, progressLogger, type Migration, type MigrationContext } from './migration';

type StoredChannel = Partial<ChannelDocument> &
  Omit<ChannelDocument, 'member_ids' | 'last_activity_at' | 'last_message'>;

/** Channels rewritten at once. */
const CONCURRENCY = 8;

/** A channel is in the current layout once it has the three fields this step adds. */
const OLD_LAYOUT = {
  $or: [
    { member_ids: { $exists: false } },
    { last_activity_at: { $exists: false } },
    { last_message: { $exists: false } },
  ],
};

/**
 * Channels of the previous layout get what the inbox reads from the channel document:
 * member_ids (from the embedded participants), last_activity_at (last_message_at, or created_at)
 * and last_message, the copy that layout kept in channel_sequences when it is the channel's last
 * message (that layout cleared it on edits: then the message itself is read).
 *
 * Finding them is one scan of the channels ($exists is filtered in FerretDB's memory), once per
 * tenant; each channel is then rewritten under its lock, unless it is already in the current layout.
 */
export const channelInboxFields: Migration = {
  id: '0001-channel-inbox-fields',
  description: 'channels: member_ids, last_activity_at and a copy of the last message',
  async run(context) {
    const pending = await context.models.channels.find(OLD_LAYOUT, { _id: 1 }).lean<Array<{ _id: string }>>();
    await forEachConcurrently(
      pending,
      CONCURRENCY,
      ({ _id }) => context.locks.run('channel', _id, () => backfill(context, _id)),
      progressLogger(context.log, pending.length),
    );
  },
};

async function backfill({ models }: MigrationContext, channelId: string): Promise<void> {
  const doc = await models.channels.findById(channelId).lean<StoredChannel>();
  if (!doc || (doc.member_ids && doc.last_activity_at && doc.last_message !== undefined)) return;
  const fields = {
    member_ids: memberIdsOf(doc.participants),
    last_activity_at: doc.last_message_at ?? doc.created_at,
    last_message: await lastMessageOf(models, doc),
  };
  // The revision guard keeps a participant change that slipped in (a lock that expired) from being undone.
  await models.channels.updateOne(
    { _id: channelId, participants_rev: doc.participants_rev },
    { $set: fields },
  );
}

async function lastMessageOf(
  models: MigrationContext['models'],
  doc: StoredChannel,
): Promise<MessageDocument | null> {
  if (doc.last_message_id === null) return null;
  const counter = await models.channelSequences.findById(doc._id, { last_message: 1 }).lean();
  if (counter?.last_message?._id === doc.last_message_id) return counter.last_message;
  return models.messages.findById(doc.last_message_id).lean<MessageDocument>();
}
