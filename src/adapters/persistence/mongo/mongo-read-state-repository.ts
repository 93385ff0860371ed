import type { Model } from 'mongoose';
import type {
  ReadStateRepository,
  UserChannelState,
} from '../../../application/ports/read-state-repository.port';
import type { ReadPointer } from '../../../domain/read/read-pointer';
import { isDuplicateKey } from './mongo-errors';
import {
  membershipId,
  toUserChannelState,
  toUserChannelStateDocument,
  type UserChannelStateDocument,
} from './schemas/user-channel-state.schema';
import type { TenantLocks } from './tenant-locks';

/**
 * Membership rows (UserChannelState), one per (channel, user). The inbox is one equality query on
 * user_id (plus the filter's equalities); ordering and the cursor run in memory, since a user's
 * memberships are bounded (hundreds, not millions) and FerretDB v1 would sort in memory anyway.
 *
 * Every update runs under the row's 'read-states' lock: FerretDB v1 rewrites whole documents, so a
 * write of the mute flag racing a pointer advance could move the pointer back. Rows are only ever
 * written one at a time, so the senders of one channel move their pointers side by side. The
 * conditional filters (`$lt`) make the same updates atomic on MongoDB without the lock.
 */
export class MongoReadStateRepository implements ReadStateRepository {
  constructor(
    private readonly states: Model<UserChannelStateDocument>,
    private readonly locks: TenantLocks,
  ) {}

  async create(state: UserChannelState): Promise<void> {
    try {
      await this.states.create(toUserChannelStateDocument(state));
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  async find(userId: string, channelId: string): Promise<UserChannelState | null> {
    const doc = await this.states.findById(membershipId(channelId, userId)).lean<UserChannelStateDocument>();
    return doc ? toUserChannelState(doc) : null;
  }

  /** `channel_id: {$in}` is filtered in FerretDB's memory, among the user's rows (user_id is pushed down). */
  async findByUser(userId: string, channelIds?: readonly string[]): Promise<UserChannelState[]> {
    if (channelIds?.length === 0) return [];
    const filter = channelIds
      ? { user_id: userId, channel_id: { $in: [...channelIds] } }
      : { user_id: userId };
    const docs = await this.states.find(filter).lean<UserChannelStateDocument[]>();
    return docs.map(toUserChannelState);
  }

  async listByChannel(channelId: string): Promise<UserChannelState[]> {
    const docs = await this.states.find({ channel_id: channelId }).lean<UserChannelStateDocument[]>();
    return docs.map(toUserChannelState);
  }

  async advancePointer(userId: string, channelId: string, pointer: ReadPointer): Promise<boolean> {
    const _id = membershipId(channelId, userId);
    const moved = { last_read_message_id: pointer.messageId, last_read_seq: pointer.seq };
    // The conditional filter keeps the furthest: atomic on MongoDB; on FerretDB v1 the lock makes it so.
    const result = await this.locks.run('read-states', _id, () =>
      this.states.updateOne({ _id, last_read_seq: { $lt: pointer.seq } }, { $set: moved }),
    );
    return result.matchedCount === 1;
  }

  async setMuted(userId: string, channelId: string, muted: boolean): Promise<void> {
    await this.set(userId, channelId, { is_muted: muted });
  }

  /** No lock needed: FerretDB's updates write back by `_id`, so an update cannot revive a deleted row. */
  async remove(userId: string, channelId: string): Promise<void> {
    await this.states.deleteOne({ _id: membershipId(channelId, userId) });
  }

  private async set(userId: string, channelId: string, fields: Partial<UserChannelState>): Promise<void> {
    const _id = membershipId(channelId, userId);
    await this.locks.run('read-states', _id, () => this.states.updateOne({ _id }, { $set: fields }));
  }
}
