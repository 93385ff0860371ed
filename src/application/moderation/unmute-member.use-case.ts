import { assertCanModerate } from '../../domain/access/moderation-policy';
import { RestrictionNotFoundError } from '../../domain/moderation/moderation.errors';
import { UserId } from '../../domain/user/user-id';
import { ChannelMembership } from '../ports/channel-membership.port';
import { ChannelModerationRepository } from '../ports/channel-moderation.port';
import { ChannelRepository } from '../ports/channel-repository.port';
import { Clock } from '../ports/clock.port';
import { EventPublisher } from '../ports/event-publisher.port';
import { loadChannel } from '../shared/load-channel';
import { ChannelRestrictionView, toChannelRestrictionView } from '../views/moderation.view';

export interface UnmuteMemberInput {
  userId: string;
  channelId: string;
  targetUserId: string;
}

/**
 * Lifts a member's mute (admins): they may send again at once, on every node; `participant.unmuted`
 * tells the channel.
 * @throws ChannelNotFoundError, InsufficientRoleError, NotModeratableError (direct channel),
 *   RestrictionNotFoundError (no mute of that user in force: not_found).
 */
export class UnmuteMember {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly moderation: ChannelModerationRepository,
    private readonly membership: ChannelMembership,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(input: UnmuteMemberInput): Promise<ChannelRestrictionView> {
    const channel = await loadChannel(this.channels, input.channelId);
    assertCanModerate(channel, input.userId, 'lifting mutes');
    const targetId = UserId.parse(input.targetUserId);
    const now = this.clock.now();
    const lifted = await this.moderation.modify(channel.id, (current) => ({
      moderation: current.withoutMute(targetId, now),
      result: current.muteOf(targetId, now),
    }));
    if (!lifted) throw new RestrictionNotFoundError('mute', targetId);
    await this.membership.changed(channel.id);
    await this.events.publish({
      type: 'participant.unmuted',
      channel_id: channel.id,
      payload: { channel_id: channel.id, user_id: targetId },
    });
    return toChannelRestrictionView(channel.id, lifted);
  }
}
