import { assertCanModerate } from '../../domain/access/moderation-policy';
import { RestrictionNotFoundError } from '../../domain/moderation/moderation.errors';
import { UserId } from '../../domain/user/user-id';
import { ChannelMembership } from '../ports/channel-membership.port';
import { ChannelModerationRepository } from '../ports/channel-moderation.port';
import { ChannelRepository } from '../ports/channel-repository.port';
import { Clock } from '../ports/clock.port';
import { loadChannel } from '../shared/load-channel';
import { ChannelRestrictionView, toChannelRestrictionView } from '../views/moderation.view';

export interface LiftChannelBanInput {
  userId: string;
  channelId: string;
  targetUserId: string;
}

/**
 * Lifts a ban (admins): the user may be added back (they are not added by it).
 * @throws ChannelNotFoundError, InsufficientRoleError, NotModeratableError (direct channel),
 *   RestrictionNotFoundError (no ban of that user in force: not_found).
 */
export class LiftChannelBan {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly moderation: ChannelModerationRepository,
    private readonly membership: ChannelMembership,
    private readonly clock: Clock,
  ) {}

  async execute(input: LiftChannelBanInput): Promise<ChannelRestrictionView> {
    const channel = await loadChannel(this.channels, input.channelId);
    assertCanModerate(channel, input.userId, 'lifting bans');
    const targetId = UserId.parse(input.targetUserId);
    const now = this.clock.now();
    const lifted = await this.moderation.modify(channel.id, (current) => ({
      moderation: current.withoutBan(targetId, now),
      result: current.banOf(targetId, now),
    }));
    if (!lifted) throw new RestrictionNotFoundError('ban', targetId);
    await this.membership.changed(channel.id);
    return toChannelRestrictionView(channel.id, lifted);
  }
}
