import { ChannelMembership } from '../ports/channel-membership.port';
import { ChannelModerationRepository } from '../ports/channel-moderation.port';

/**
 * Records on the direct channel of two users (if they have one) whether `blockerId` blocks the
 * other, where the send's check finds it without a read of its own (the node's memory of the channel
 * holds its moderation), and makes every node forget that memory.
 */
export async function recordDirectBlock(
  ports: { moderation: ChannelModerationRepository; membership: ChannelMembership },
  users: { blockerId: string; otherId: string },
  blocks: boolean,
): Promise<void> {
  const channelId = await ports.moderation.findDirectChannelId(users.blockerId, users.otherId);
  if (channelId === null) return;
  await ports.moderation.modify(channelId, (current) => ({
    moderation: current.withBlockBy(users.blockerId, blocks),
    result: null,
  }));
  await ports.membership.changed(channelId);
}
