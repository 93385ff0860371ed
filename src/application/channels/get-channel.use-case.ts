import { assertCanRead } from '../../domain/access/access-policy';
import { ChannelRepository } from '../ports/channel-repository.port';
import { ReadStateRepository } from '../ports/read-state-repository.port';
import { UserBlocks } from '../ports/user-blocks.port';
import { ChannelView } from '../views/channel.view';
import { channelViewFor } from './channel-views';
import { loadListing } from '../shared/load-channel';

export interface GetChannelInput {
  userId: string;
  channelId: string;
}

/**
 * The channel with its last message (flagged when the caller blocked its author) and the caller's
 * unread_count, last_read_message_id, is_muted.
 * @throws ChannelNotFoundError when it does not exist or the caller is not a participant.
 */
export class GetChannel {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly readStates: ReadStateRepository,
    private readonly blocks: UserBlocks,
  ) {}

  async execute(input: GetChannelInput): Promise<ChannelView> {
    const listing = await loadListing(this.channels, input.channelId);
    assertCanRead(listing.channel, input.userId);
    const [state, blocked] = await Promise.all([
      this.readStates.find(input.userId, listing.channel.id),
      this.blocks.blockedBy(input.userId),
    ]);
    return channelViewFor(listing, state, input.userId, blocked);
  }
}
