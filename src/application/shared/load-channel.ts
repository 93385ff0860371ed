import { assertCanRead } from '../../domain/access/access-policy';
import { Channel } from '../../domain/channel/channel.entity';
import { ChannelNotFoundError } from '../../domain/channel/channel.errors';
import { Message } from '../../domain/message/message.entity';
import { MessageNotFoundError } from '../../domain/message/message.errors';
import { Participant } from '../../domain/participant/participant';
import { ChannelListing, ChannelRepository } from '../ports/channel-repository.port';
import { MessageRepository } from '../ports/message-repository.port';

/** The channel, or ChannelNotFoundError. */
export async function loadChannel(channels: ChannelRepository, channelId: string): Promise<Channel> {
  const channel = await channels.findById(channelId);
  if (!channel) throw new ChannelNotFoundError();
  return channel;
}

/** The channel with its last message (one lookup), or ChannelNotFoundError. */
export async function loadListing(channels: ChannelRepository, channelId: string): Promise<ChannelListing> {
  const listing = await channels.findListing(channelId);
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

/** The channel and the caller's place in it; ChannelNotFoundError for a stranger too (no existence leak). */
export async function loadReadableChannel(
  channels: ChannelRepository,
  channelId: string,
  userId: string,
): Promise<{ channel: Channel; participant: Participant }> {
  const channel = await loadChannel(channels, channelId);
  return { channel, participant: assertCanRead(channel, userId) };
}

/**
 * A message of a channel the caller may read, with its channel. Access is checked before the
 * message is looked up: a stranger learns nothing of the message.
 * @throws ChannelNotFoundError, MessageNotFoundError.
 */
export async function loadReadableMessage(
  channels: ChannelRepository,
  messages: MessageRepository,
  input: { userId: string; channelId: string; messageId: number },
): Promise<{ channel: Channel; message: Message }> {
  const { channel } = await loadReadableChannel(channels, input.channelId, input.userId);
  return { channel, message: await loadMessageIn(messages, channel, input.messageId) };
}
