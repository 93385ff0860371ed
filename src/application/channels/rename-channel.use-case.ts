import { assertCanRename } from '../../domain/access/access-policy';
import { ChannelRepository } from '../ports/channel-repository.port';
import { Clock } from '../ports/clock.port';
import { ReadStateRepository } from '../ports/read-state-repository.port';
import { ChannelView } from '../views/channel.view';
import { channelViewFor } from './channel-views';
import { loadListing } from '../shared/load-channel';

export interface RenameChannelInput {
  userId: string;
  channelId: string;
  name: string;
}

/**
 * Renames a group or contextual channel.
 * @throws ChannelNotFoundError, InsufficientRoleError (not an admin),
 *   DirectChannelRenameError (direct channels have no name), ValidationError (name 1-200 characters).
 */
export class RenameChannel {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly readStates: ReadStateRepository,
    private readonly clock: Clock,
  ) {}

  async execute(input: RenameChannelInput): Promise<ChannelView> {
    const listing = await loadListing(this.channels, input.channelId);
    const channel = listing.channel;
    assertCanRename(channel, input.userId);
    channel.rename(input.name, this.clock.now());
    await this.channels.save(channel);
    const state = await this.readStates.find(input.userId, channel.id);
    return channelViewFor(listing, state);
  }
}
