import { assertCanRead } from '../../domain/access/access-policy';
import { ChannelRepository } from '../ports/channel-repository.port';
import { ReadStateRepository } from '../ports/read-state-repository.port';
import { ChannelView } from '../views/channel.view';
import { channelViewFor } from './channel-views';
import { loadListing } from '../shared/load-channel';

export interface GetChannelInput {
  userId: string;
  channelId: string;
}

/**
 * The channel with its last message and the caller's unread_count, last_read_message_id, is_muted.
 * @throws ChannelNotFoundError when it does not exist or the caller is not a participant.
 */
export class GetChannel {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly readStates: ReadStateRepository,
  ) {}

  async execute(input: GetChannelInput): Promise<ChannelView> {
    const listing = await loadListing(this.channels, input.channelId);
    assertCanRead(listing.channel, input.userId);
    const state = await this.readStates.find(input.userId, listing.channel.id);
    return channelViewFor(listing, state, input.userId);
  }
}
