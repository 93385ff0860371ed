import { assertCanChangePinSetting, assertCanRename } from '../../domain/access/access-policy';
import { assertCanModerate } from '../../domain/access/moderation-policy';
import { Channel } from '../../domain/channel/channel.entity';
import { ChannelModeration } from '../../domain/moderation/channel-moderation';
import { channelViewFor } from '../channels/channel-views';
import { ChannelMembership } from '../ports/channel-membership.port';
import { ChannelModerationRepository } from '../ports/channel-moderation.port';
import { ChannelRepository } from '../ports/channel-repository.port';
import { Clock } from '../ports/clock.port';
import { EventPublisher } from '../ports/event-publisher.port';
import { ReadStateRepository } from '../ports/read-state-repository.port';
import { loadListing } from '../shared/load-channel';
import { ChannelView } from '../views/channel.view';

export interface UpdateChannelSettingsInput {
  userId: string;
  channelId: string;
  name?: string;
  /** 0 turns slow mode off. */
  slow_mode_seconds?: number;
  /** Whether members may pin messages as admins do. */
  members_can_pin?: boolean;
}

/**
 * `PATCH channels/{id}/` (admins): the name (group and contextual channels), whether members may pin
 * and slow mode. All are checked before any is written (the name and the pin setting are one write); `channel.updated` tells the channel, and every node forgets what
 * it remembers of the channel, so the new slow mode holds for the next send anywhere.
 * @throws ChannelNotFoundError, InsufficientRoleError, DirectChannelRenameError,
 *   DirectChannelSettingError and NotModeratableError (direct channels: forbidden), ValidationError.
 */
export class UpdateChannelSettings {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly moderation: ChannelModerationRepository,
    private readonly readStates: ReadStateRepository,
    private readonly membership: ChannelMembership,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(input: UpdateChannelSettingsInput): Promise<ChannelView> {
    const listing = await loadListing(this.channels, input.channelId);
    let channel = listing.channel;
    const now = this.clock.now();
    const slowMode = input.slow_mode_seconds;
    const membersCanPin = input.members_can_pin;
    if (input.name !== undefined) assertCanRename(channel, input.userId);
    if (membersCanPin !== undefined) assertCanChangePinSetting(channel, input.userId);
    if (slowMode !== undefined) {
      assertCanModerate(channel, input.userId, 'setting slow mode');
      ChannelModeration.none().withSlowMode(slowMode);
    }
    if (input.name !== undefined) channel.rename(input.name, now);
    if (membersCanPin !== undefined) channel.setMembersCanPin(membersCanPin, now);
    if (input.name !== undefined || membersCanPin !== undefined) await this.channels.save(channel);
    if (slowMode !== undefined) channel = await this.setSlowMode(channel, slowMode, now);
    await this.events.publish({
      type: 'channel.updated',
      channel_id: channel.id,
      payload: {
        channel_id: channel.id,
        name: channel.toPrimitives().name,
        slow_mode_seconds: channel.moderation.slowModeSeconds,
        members_can_pin: channel.membersCanPin,
        updated_at: now.toISOString(),
      },
    });
    const state = await this.readStates.find(input.userId, channel.id);
    return channelViewFor({ ...listing, channel }, state, input.userId);
  }

  private async setSlowMode(channel: Channel, seconds: number, now: Date): Promise<Channel> {
    const moderation = await this.moderation.modify(channel.id, (current) => {
      const next = current.withSlowMode(seconds);
      return { moderation: next, result: next, updatedAt: now };
    });
    await this.membership.changed(channel.id);
    const primitives = channel.toPrimitives();
    return Channel.fromPrimitives({
      ...primitives,
      updated_at: now,
      moderation: (moderation ?? channel.moderation).toPrimitives(),
    });
  }
}
