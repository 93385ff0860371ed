import { assertCanChangePinSetting, assertCanRename } from '../../domain/access/access-policy';
import { ChannelRepository } from '../ports/channel-repository.port';
import { Clock } from '../ports/clock.port';
import { ReadStateRepository } from '../ports/read-state-repository.port';
import { ChannelView } from '../views/channel.view';
import { channelViewFor } from './channel-views';
import { loadListing } from '../shared/load-channel';

export interface UpdateChannelInput {
  userId: string;
  channelId: string;
  /** The edge requires at least one of the two. */
  name?: string;
  members_can_pin?: boolean;
}

/**
 * Renames a group or contextual channel, and sets whether its members may pin messages; both are
 * the admins' (one write for both).
 * @throws ChannelNotFoundError, InsufficientRoleError (not an admin), DirectChannelRenameError and
 *   DirectChannelSettingError (a direct channel has no name and no settings), ValidationError (name
 *   1-200 characters).
 */
export class UpdateChannel {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly readStates: ReadStateRepository,
    private readonly clock: Clock,
  ) {}

  async execute(input: UpdateChannelInput): Promise<ChannelView> {
    const listing = await loadListing(this.channels, input.channelId);
    const channel = listing.channel;
    if (input.name !== undefined) {
      assertCanRename(channel, input.userId);
      channel.rename(input.name, this.clock.now());
    }
    if (input.members_can_pin !== undefined) {
      assertCanChangePinSetting(channel, input.userId);
      channel.setMembersCanPin(input.members_can_pin, this.clock.now());
    }
    await this.channels.save(channel);
    const state = await this.readStates.find(input.userId, channel.id);
    return channelViewFor(listing, state, input.userId);
  }
}
