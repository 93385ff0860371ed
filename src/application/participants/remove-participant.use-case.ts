import { assertCanRemoveParticipant } from '../../domain/access/access-policy';
import { UserId } from '../../domain/user/user-id';
import { loadChannel } from '../shared/load-channel';
import { ChannelRepository } from '../ports/channel-repository.port';
import { EventPublisher } from '../ports/event-publisher.port';
import { ReadStateRepository } from '../ports/read-state-repository.port';
import { ParticipantView, toParticipantView } from '../views/channel.view';

export interface RemoveParticipantInput {
  userId: string;
  channelId: string;
  /** The participant to remove; the caller themselves to leave. */
  targetUserId: string;
}

export interface RemoveParticipantResult {
  removed: ParticipantView;
  /** Who became admin because the last admin left (domain/channel/admin-succession.ts). */
  promoted: ParticipantView | null;
}

/**
 * Removes a participant (admins), or lets the caller leave (anyone).
 * @throws ChannelNotFoundError, InsufficientRoleError (removing someone else without being admin),
 *   ParticipantNotFoundError (code not_found), DirectChannelMembershipError.
 */
export class RemoveParticipant {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly readStates: ReadStateRepository,
    private readonly events: EventPublisher,
  ) {}

  async execute(input: RemoveParticipantInput): Promise<RemoveParticipantResult> {
    const channel = await loadChannel(this.channels, input.channelId);
    const targetId = UserId.parse(input.targetUserId);
    assertCanRemoveParticipant(channel, input.userId, targetId);
    const { removed, promoted } = channel.removeParticipant(targetId);
    // Promote before removing: a crash in between leaves two admins rather than none.
    if (promoted) await this.channels.changeRole(channel.id, promoted.userId, 'admin');
    await this.channels.removeParticipant(channel.id, targetId);
    await this.readStates.remove(targetId, channel.id);
    await this.events.publish({
      type: 'participant.removed',
      channel_id: channel.id,
      payload: {
        channel_id: channel.id,
        user_id: targetId,
        reason: targetId === input.userId ? 'left' : 'removed',
      },
    });
    return { removed: toParticipantView(removed), promoted: promoted ? toParticipantView(promoted) : null };
  }
}
