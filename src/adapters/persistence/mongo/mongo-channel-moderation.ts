import type { Model } from 'mongoose';
import type { ChannelAccess } from '../../../application/ports/channel-membership.port';
import type {
  ChannelModerationRepository,
  ModerationChange,
} from '../../../application/ports/channel-moderation.port';
import { directKey } from '../../../domain/channel/channel-keys';
import { ChannelModeration } from '../../../domain/moderation/channel-moderation';
import type { ChannelDocument } from './schemas/channel.schema';
import type { TenantLocks } from './tenant-locks';

type AccessFields = Pick<ChannelDocument, 'channel_type' | 'participants' | 'moderation'>;

/**
 * The moderation field of the channel documents. A change reads the field and writes it back under
 * the channel's lock (TenantLocks 'channel', which every channel write takes): FerretDB v1 rewrites
 * the whole document on each update and its updates are not atomic, so without the lock a change
 * could undo a concurrent one, or a participant change undo it.
 */
export class MongoChannelModeration implements ChannelModerationRepository {
  constructor(
    private readonly channels: Model<ChannelDocument>,
    private readonly locks: TenantLocks,
  ) {}

  async modify<T>(
    channelId: string,
    change: (current: ChannelModeration) => ModerationChange<T>,
  ): Promise<T | null> {
    return this.locks.run('channel', channelId, async () => {
      const doc = await this.channels
        .findById(channelId, { moderation: 1 })
        .lean<Pick<ChannelDocument, 'moderation'>>();
      if (!doc) return null;
      const { moderation, result, updatedAt } = change(ChannelModeration.fromPrimitives(doc.moderation));
      const set = updatedAt
        ? { moderation: moderation.toPrimitives(), updated_at: updatedAt }
        : {
            moderation: moderation.toPrimitives(),
          };
      await this.channels.updateOne({ _id: channelId }, { $set: set });
      return result;
    });
  }

  async findDirectChannelId(userA: string, userB: string): Promise<string | null> {
    const doc = await this.channels
      .findOne({ direct_key: directKey(userA, userB) }, { _id: 1 })
      .lean<Pick<ChannelDocument, '_id'>>();
    return doc?._id ?? null;
  }

  /**
   * What the node's memory of a channel holds (ChannelAccessCache): the type, each participant's
   * role and the moderation, in one `_id` lookup.
   */
  async findAccess(channelId: string): Promise<ChannelAccess | null> {
    const doc = await this.channels
      .findById(channelId, { channel_type: 1, participants: 1, moderation: 1 })
      .lean<AccessFields>();
    if (!doc) return null;
    return {
      channelType: doc.channel_type,
      roles: new Map(doc.participants.map((p) => [p.user_id, p.role])),
      moderation: ChannelModeration.fromPrimitives(doc.moderation),
    };
  }
}
