import { Channel } from '../../domain/channel/channel.entity';
import { ChannelNotFoundError } from '../../domain/channel/channel.errors';
import { Message } from '../../domain/message/message.entity';
import { MessageNotFoundError } from '../../domain/message/message.errors';
import { ChannelListing, ChannelRepository } from '../ports/channel-repository.port';
import { MessageRepository } from '../ports/message-repository.port';

/** The channel, or ChannelNotFoundError. Ids that are not strings cannot exist. */
export async function loadChannel(channels: ChannelRepository, channelId: unknown): Promise<Channel> {
  const channel =
    typeof channelId === 'string' && channelId !== '' ? await channels.findById(channelId) : null;
  if (!channel) throw new ChannelNotFoundError();
  return channel;
}

/** The channel with its last message (one lookup), or ChannelNotFoundError. */
export async function loadListing(channels: ChannelRepository, channelId: unknown): Promise<ChannelListing> {
  const listing =
    typeof channelId === 'string' && channelId !== '' ? await channels.findListing(channelId) : null;
  if (!listing) throw new ChannelNotFoundError();
  return listing;
}

/** The message if it belongs to the channel; otherwise MessageNotFoundError (no existence leak). */
export async function loadMessageIn(
  messages: MessageRepository,
  channel: Pick<Channel, 'id'>,
  messageId: number,
): Promise<Message> {
  const message = await messages.findById(messageId);
  if (!message || message.channelId !== channel.id) throw new MessageNotFoundError(messageId);
  return message;
}
