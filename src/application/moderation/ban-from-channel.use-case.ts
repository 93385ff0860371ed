import { assertCanBan } from '../../domain/access/moderation-policy';
import { ChannelNotFoundError } from '../../domain/channel/channel.errors';
import { newRestriction } from '../../domain/moderation/restriction';
import { UserId } from '../../domain/user/user-id';
import { ChannelModerationRepository } from '../ports/channel-moderation.port';
import { ChannelRepository } from '../ports/channel-repository.port';
import { Clock } from '../ports/clock.port';
import { EventPublisher } from '../ports/event-publisher.port';
import { ReadStateRepository } from '../ports/read-state-repository.port';
import { loadChannel } from '../shared/load-channel';
import { ChannelRestrictionView, toChannelRestrictionView } from '../views/moderation.view';

export interface BanFromChannelInput {
  userId: string;
  channelId: string;
  /** Who to ban: a participant (removed) or not (kept out). */
  user_id: string;
  /** Null or absent: until lifted. */
  until?: Date | null;
  reason?: string | null;
}

export interface BanFromChannelResult {
  ban: ChannelRestrictionView;
  /** False when a ban of that user was in force: it is replaced (new end, new reason); HTTP 200. */
  created: boolean;
}

/**
 * Bans a user from a group or contextual channel (admins): the ban is stored first, so nobody can
 * add them back from then on, then they are removed (participant.removed with reason `banned`, their
 * sockets on the channel disconnected on every node). Repeating it replaces the ban and removes them
 * if a previous attempt stopped between the two steps.
 * @throws ChannelNotFoundError, InsufficientRoleError, NotModeratableError (direct channel, oneself),
 *   ValidationError (user_id, until in the past, reason).
 */
export class BanFromChannel {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly moderation: ChannelModerationRepository,
    private readonly readStates: ReadStateRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(input: BanFromChannelInput): Promise<BanFromChannelResult> {
    const channel = await loadChannel(this.channels, input.channelId);
    const targetId = UserId.parse(input.user_id);
    assertCanBan(channel, input.userId, targetId);
    const now = this.clock.now();
    const ban = newRestriction({ ...input, user_id: targetId, created_by: input.userId }, now);
    const created = await this.moderation.modify(channel.id, (current) => ({
      moderation: current.withBan(ban, now),
      result: current.banOf(targetId, now) === null,
    }));
    if (created === null) throw new ChannelNotFoundError();
    if (channel.participant(targetId)) await this.remove(channel.id, targetId);
    return { ban: toChannelRestrictionView(channel.id, ban), created };
  }

  /** The banner is an admin who stays, so nobody needs promoting (admin-succession.ts). */
  private async remove(channelId: string, targetId: string): Promise<void> {
    await this.channels.removeParticipant(channelId, targetId);
    await this.readStates.remove(targetId, channelId);
    await this.events.publish({
      type: 'participant.removed',
      channel_id: channelId,
      payload: { channel_id: channelId, user_id: targetId, reason: 'banned' },
    });
  }
}
