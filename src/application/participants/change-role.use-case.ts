import { assertCanChangeRole } from '../../domain/access/access-policy';
import type { ParticipantRole } from '../../domain/participant/participant-role';
import { UserId } from '../../domain/user/user-id';
import { loadChannel } from '../shared/load-channel';
import { ChannelMembership } from '../ports/channel-membership.port';
import { ChannelRepository } from '../ports/channel-repository.port';
import { ParticipantView, toParticipantView } from '../views/channel.view';

export interface ChangeRoleInput {
  userId: string;
  channelId: string;
  targetUserId: string;
  role: ParticipantRole;
}

/**
 * Sets a participant's role (admin, member or guest). Every node forgets what it remembers of the
 * channel's roles (slow mode spares admins: the next send anywhere sees the new role).
 * @throws ChannelNotFoundError, InsufficientRoleError (not an admin), ParticipantNotFoundError,
 *   LastAdminError (the last admin stepping down while others remain), ValidationError.
 */
export class ChangeRole {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly membership: ChannelMembership,
  ) {}

  async execute(input: ChangeRoleInput): Promise<ParticipantView> {
    const channel = await loadChannel(this.channels, input.channelId);
    assertCanChangeRole(channel, input.userId);
    const changed = channel.changeRole(UserId.parse(input.targetUserId), input.role);
    await this.channels.changeRole(channel.id, changed.userId, changed.role);
    await this.membership.changed(channel.id);
    return toParticipantView(changed);
  }
}
