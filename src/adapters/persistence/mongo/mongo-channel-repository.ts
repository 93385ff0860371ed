import type { Model } from 'mongoose';
import type {
  ChannelListing,
  ChannelRepository,
  CreateChannelResult,
  MemberChannelsPage,
  MemberChannelsQuery,
} from '../../../application/ports/channel-repository.port';
import type { Channel } from '../../../domain/channel/channel.entity';
import type { Message } from '../../../domain/message/message.entity';
import type { Participant, ParticipantPrimitives } from '../../../domain/participant/participant';
import type { ParticipantRole } from '../../../domain/participant/participant-role';
import { recordLastMessage } from './last-message-copy';
import { pageOfMemberChannels } from './member-channels-query';
import { isDuplicateKey } from './mongo-errors';
import {
  memberIdsOf,
  toChannel,
  toChannelDocument,
  toChannelListing,
  type ChannelDocument,
} from './schemas/channel.schema';
import { messageDocumentOf } from './schemas/message.schema';
import type { TenantLocks } from './tenant-locks';

type ParticipantsChange = (current: ParticipantPrimitives[]) => ParticipantPrimitives[] | null;

/** Rewrites of the participants array retried after a lost compare-and-set (only if a lock expired). */
const MAX_REWRITES = 5;

/**
 * Channels with their participants embedded, on MongoDB or FerretDB v1. Creation relies on the unique
 * direct_key and context_key indexes alone. Every other write rewrites part of the channel document,
 * which FerretDB v1 does by writing the whole document back, so all of them run under the channel's
 * lock (TenantLocks 'channel'); without it a last-message update could undo a participant change.
 * A user's channels are one query on `member_ids` (schemas/channel.schema.ts), sorted and limited by
 * the database: on MongoDB an index walk; FerretDB v1 fetches the user's channels and sorts them.
 */
export class MongoChannelRepository implements ChannelRepository {
  constructor(
    private readonly channels: Model<ChannelDocument>,
    private readonly locks: TenantLocks,
  ) {}

  async createIfAbsent(channel: Channel): Promise<CreateChannelResult> {
    try {
      await this.channels.create(toChannelDocument(channel));
      return { channel, created: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing = await this.findByKeys(channel);
      if (!existing) throw error;
      return { channel: existing, created: false };
    }
  }

  async findById(id: string): Promise<Channel | null> {
    const doc = await this.channels.findById(id).lean<ChannelDocument>();
    return doc ? toChannel(doc) : null;
  }

  async findListing(id: string): Promise<ChannelListing | null> {
    const doc = await this.channels.findById(id).lean<ChannelDocument>();
    return doc ? toChannelListing(doc) : null;
  }

  pageByMember(userId: string, query: MemberChannelsQuery): Promise<MemberChannelsPage> {
    return pageOfMemberChannels(this.channels, userId, query);
  }

  async listByMember(userId: string): Promise<ChannelListing[]> {
    return (await pageOfMemberChannels(this.channels, userId)).listings;
  }

  async findMemberIds(channelId: string): Promise<string[] | null> {
    const doc = await this.channels
      .findById(channelId, { member_ids: 1 })
      .lean<Pick<ChannelDocument, 'member_ids'>>();
    return doc ? doc.member_ids : null;
  }

  /** One `_id` equality per id, in parallel: FerretDB v1 would run `$in` over the whole collection. */
  async findManyByIds(ids: readonly string[]): Promise<Channel[]> {
    const found = await Promise.all([...new Set(ids)].map((id) => this.findById(id)));
    return found.filter((channel): channel is Channel => channel !== null);
  }

  async save(channel: Channel): Promise<void> {
    const { id, name, updated_at, members_can_pin } = channel.toPrimitives();
    await this.locks.run('channel', id, () =>
      this.channels.updateOne(
        { _id: id },
        { $set: { name, updated_at, members_can_pin: members_can_pin ?? false } },
      ),
    );
  }

  async addParticipants(channelId: string, participants: readonly Participant[]): Promise<void> {
    await this.changeParticipants(channelId, (current) => {
      const fresh = participants
        .map((p) => p.toPrimitives())
        .filter((added) => !current.some((p) => p.user_id === added.user_id));
      return fresh.length === 0 ? null : [...current, ...fresh];
    });
  }

  async removeParticipant(channelId: string, userId: string): Promise<void> {
    await this.changeParticipants(channelId, (current) =>
      current.some((p) => p.user_id === userId) ? current.filter((p) => p.user_id !== userId) : null,
    );
  }

  async changeRole(channelId: string, userId: string, role: ParticipantRole): Promise<void> {
    await this.changeParticipants(channelId, (current) =>
      current.some((p) => p.user_id === userId && p.role !== role)
        ? current.map((p) => (p.user_id === userId ? { ...p, role } : p))
        : null,
    );
  }

  async recordLastMessage(channelId: string, message: Message): Promise<void> {
    const doc = messageDocumentOf(message);
    await this.locks.run('channel', channelId, () => recordLastMessage(this.channels, channelId, doc));
  }

  private async findByKeys(channel: Channel): Promise<Channel | null> {
    const { direct_key, context_key } = channel.toPrimitives();
    const [byDirect, byContext] = await Promise.all([
      this.channels.findOne({ direct_key }).lean<ChannelDocument>(),
      this.channels.findOne({ context_key }).lean<ChannelDocument>(),
    ]);
    const doc = byDirect ?? byContext;
    return doc ? toChannel(doc) : null;
  }

  /**
   * Reads the participants, applies `change` (null: nothing to do) and writes the array back, with
   * its member_ids, only if nobody changed it meanwhile (participants_rev compare-and-set, atomic on
   * MongoDB; on FerretDB the lock is what makes it safe).
   */
  private async changeParticipants(channelId: string, change: ParticipantsChange): Promise<void> {
    await this.locks.run('channel', channelId, async () => {
      for (let attempt = 0; attempt < MAX_REWRITES; attempt += 1) {
        const doc = await this.channels
          .findById(channelId, { participants: 1, participants_rev: 1 })
          .lean<Pick<ChannelDocument, 'participants' | 'participants_rev'>>();
        const next = doc ? change(doc.participants) : null;
        if (!doc || !next) return;
        const rev = doc.participants_rev;
        const result = await this.channels.updateOne(
          { _id: channelId, participants_rev: rev },
          { $set: { participants: next, member_ids: memberIdsOf(next), participants_rev: rev + 1 } },
        );
        if (result.matchedCount === 1) return;
      }
      throw new Error(`participants of channel ${channelId} kept changing during the update`);
    });
  }
}
