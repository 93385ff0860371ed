import { assertCanMuteMember } from '../../domain/access/moderation-policy';
import { newRestriction } from '../../domain/moderation/restriction';
import { UserId } from '../../domain/user/user-id';
import { ChannelMembership } from '../ports/channel-membership.port';
import { ChannelModerationRepository } from '../ports/channel-moderation.port';
import { ChannelRepository } from '../ports/channel-repository.port';
import { Clock } from '../ports/clock.port';
import { EventPublisher } from '../ports/event-publisher.port';
import { loadChannel } from '../shared/load-channel';
import { ChannelRestrictionView, toChannelRestrictionView } from '../views/moderation.view';

export interface MuteMemberInput {
  userId: string;
  channelId: string;
  user_id: string;
  until?: Date | null;
  reason?: string | null;
}

export interface MuteMemberResult {
  mute: ChannelRestrictionView;
  /** False when the member was muted already: the mute is replaced (new end, new reason); HTTP 200. */
  created: boolean;
}

/**
 * Mutes a member (admins): they keep reading, but their sends are refused (forbidden) until the mute
 * ends or is lifted. Every node forgets what it remembers of the channel before the answer, so a
 * send that follows on any node is refused; `participant.muted` tells the channel (again only when
 * the end changed).
 * @throws ChannelNotFoundError, InsufficientRoleError, NotModeratableError (direct channel, an admin),
 *   ParticipantNotFoundError (not_found), ValidationError.
 */
export class MuteMember {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly moderation: ChannelModerationRepository,
    private readonly membership: ChannelMembership,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(input: MuteMemberInput): Promise<MuteMemberResult> {
    const channel = await loadChannel(this.channels, input.channelId);
    const targetId = UserId.parse(input.user_id);
    assertCanMuteMember(channel, input.userId, targetId);
    const now = this.clock.now();
    const mute = newRestriction({ ...input, user_id: targetId, created_by: input.userId }, now);
    const previous = await this.moderation.modify(channel.id, (current) => ({
      moderation: current.withMute(mute, now),
      result: current.muteOf(targetId, now),
    }));
    await this.membership.changed(channel.id);
    const view = toChannelRestrictionView(channel.id, mute);
    if (!previous || previous.until?.getTime() !== mute.until?.getTime()) {
      await this.events.publish({
        type: 'participant.muted',
        channel_id: channel.id,
        payload: { channel_id: channel.id, user_id: targetId, until: view.until },
      });
    }
    return { mute: view, created: !previous };
  }
}
