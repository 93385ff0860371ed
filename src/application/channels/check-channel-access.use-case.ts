import { ChannelNotFoundError } from '../../domain/channel/channel.errors';
import { ChannelMembership } from '../ports/channel-membership.port';

export interface CheckChannelAccessInput {
  userId: string;
  channelId: string;
}

/**
 * Lets a user open a channel's real-time streams (/ws/chat/{id}, /ws/typing/{id}): participants
 * only, as for reading the channel (access-policy.ts assertCanRead), and a stranger cannot tell a
 * channel they are not in from one that does not exist.
 * @throws ChannelNotFoundError when the channel does not exist or the user is not a participant.
 */
export class CheckChannelAccess {
  constructor(private readonly membership: ChannelMembership) {}

  async execute(input: CheckChannelAccessInput): Promise<void> {
    if (!(await this.membership.isMember(input.channelId, input.userId))) throw new ChannelNotFoundError();
  }
}
