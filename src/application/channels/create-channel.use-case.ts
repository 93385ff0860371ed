import { assertCanRead } from '../../domain/access/access-policy';
import { assertCanOpenDirect } from '../../domain/access/moderation-policy';
import { Channel } from '../../domain/channel/channel.entity';
import type { ChannelType } from '../../domain/channel/channel-type';
import { ParticipantInput } from '../../domain/participant/participant';
import { UserId } from '../../domain/user/user-id';
import { UserType } from '../../domain/user/user-type';
import { ChannelModerationRepository } from '../ports/channel-moderation.port';
import { ChannelRepository } from '../ports/channel-repository.port';
import { Clock } from '../ports/clock.port';
import { ReadStateRepository } from '../ports/read-state-repository.port';
import { UserDirectory } from '../ports/user-directory.port';
import { UserBlocks } from '../ports/user-blocks.port';
import { UuidGenerator } from '../ports/uuid-generator.port';
import { withKnownUserTypes } from '../shared/known-user-types';
import { newMembershipState } from '../reading/membership-state';
import { ChannelView } from '../views/channel.view';
import { channelViewFor } from './channel-views';

export interface CreateChannelInput {
  userId: string;
  userType?: UserType;
  channel_type: ChannelType;
  name?: string | null;
  participant_ids?: readonly string[] | null;
  participants?: readonly ParticipantInput[] | null;
  host_application_id?: string | null;
  context_object_type?: string | null;
  context_object_id?: string | null;
}

export interface CreateChannelResult {
  channel: ChannelView;
  /** False when the direct or contextual channel already existed (HTTP 200 instead of 201). */
  created: boolean;
}

/**
 * Creates a channel with the caller as admin. Direct and contextual channels are get-or-create:
 * the existing channel of the pair, or of the context, is returned with `created: false`.
 * @throws ValidationError for a bad body (see domain/channel/new-channel.ts).
 * @throws ChannelNotFoundError when the contextual channel exists and the caller is not in it.
 * @throws BlockedError (forbidden) when the other user of a direct channel blocked the caller.
 */
export class CreateChannel {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly readStates: ReadStateRepository,
    private readonly users: UserDirectory,
    private readonly uuids: UuidGenerator,
    private readonly clock: Clock,
    private readonly blocks: UserBlocks,
    private readonly moderation: ChannelModerationRepository,
  ) {}

  async execute(input: CreateChannelInput): Promise<CreateChannelResult> {
    const candidate = Channel.create({
      ...input,
      id: this.uuids.next(),
      creator: { user_id: input.userId, user_type: input.userType ?? 'internal' },
      participants: await withKnownUserTypes(
        this.users,
        participantInputs(input.participant_ids, input.participants),
      ),
      now: this.clock.now(),
    });
    const other = candidate.type === 'direct' ? otherOf(candidate, input.userId) : null;
    if (other !== null) assertCanOpenDirect(await this.blocks.isBlocking(other, input.userId));
    const { channel, created } = await this.channels.createIfAbsent(candidate);
    assertCanRead(channel, input.userId);
    if (created) {
      await Promise.all(
        channel.participants.map((p) => this.readStates.create(newMembershipState(channel, p))),
      );
      if (other !== null) await this.recordBlocks(channel.id, [input.userId, other]);
    }
    // An existing direct or contextual channel may have messages: its listing carries the last one.
    const [state, listing] = await Promise.all([
      this.readStates.find(input.userId, channel.id),
      created ? null : this.channels.findListing(channel.id),
    ]);
    return {
      channel: channelViewFor(listing ?? { channel, lastMessage: null }, state, input.userId),
      created,
    };
  }

  /**
   * A new direct channel records the blocks between its users, read after it was stored: a block
   * made meanwhile either finds the channel (BlockUser records it) or is found here.
   */
  private async recordBlocks(channelId: string, [a, b]: [string, string]): Promise<void> {
    const [aBlocks, bBlocks] = await Promise.all([
      this.blocks.isBlocking(a, b),
      this.blocks.isBlocking(b, a),
    ]);
    if (!aBlocks && !bBlocks) return;
    await this.moderation.modify(channelId, (current) => ({
      moderation: current.withBlockBy(a, aBlocks).withBlockBy(b, bBlocks),
      result: null,
    }));
  }
}

/** The direct channel's other participant. */
function otherOf(channel: Channel, userId: string): string {
  return channel.participants.find((p) => p.userId !== userId)!.userId;
}

/**
 * `participant_ids` and `participants` may both be given; they are merged. Each user id is checked
 * here, where its place in the body is known (`participant_ids.1`), and before any profile lookup.
 */
function participantInputs(
  ids: readonly string[] | null | undefined,
  participants: readonly ParticipantInput[] | null | undefined,
): ParticipantInput[] {
  const fromIds = (ids ?? []).map((user_id, i) => ({
    user_id: UserId.parse(user_id, `participant_ids.${i}`),
  }));
  const detailed = (participants ?? []).map((p, i) => ({
    ...p,
    user_id: UserId.parse(p.user_id, `participants.${i}.user_id`),
  }));
  return [...fromIds, ...detailed];
}
