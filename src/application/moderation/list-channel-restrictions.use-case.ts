import { assertCanModerate } from '../../domain/access/moderation-policy';
import { Clock } from '../ports/clock.port';
import { ChannelRepository } from '../ports/channel-repository.port';
import { loadChannel } from '../shared/load-channel';
import { ChannelRestrictionView, toChannelRestrictionView } from '../views/moderation.view';

export interface ListChannelRestrictionsInput {
  userId: string;
  channelId: string;
}

/**
 * The bans or the mutes in force in a channel, oldest first (admins: members learn theirs from the
 * events and from a refused send). One class serves both lists: they differ only by which one.
 * @throws ChannelNotFoundError, InsufficientRoleError, NotModeratableError (direct channel).
 */
export class ListChannelRestrictions {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly clock: Clock,
    private readonly which: 'bans' | 'mutes',
  ) {}

  async execute(input: ListChannelRestrictionsInput): Promise<{ results: ChannelRestrictionView[] }> {
    const channel = await loadChannel(this.channels, input.channelId);
    assertCanModerate(channel, input.userId, `listing ${this.which}`);
    const list = channel.moderation[this.which](this.clock.now());
    return { results: list.map((r) => toChannelRestrictionView(channel.id, r)) };
  }
}
