import { assertCanRead } from '../../domain/access/access-policy';
import { ChannelRepository } from '../ports/channel-repository.port';
import { MessageRepository } from '../ports/message-repository.port';
import { ReadStateRepository } from '../ports/read-state-repository.port';
import { ChannelView } from '../views/channel.view';
import { channelViewFor } from './channel-views';
import { loadChannel } from './load-channel';

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
    private readonly messages: MessageRepository,
  ) {}

  async execute(input: GetChannelInput): Promise<ChannelView> {
    const channel = await loadChannel(this.channels, input.channelId);
    assertCanRead(channel, input.userId);
    const state = await this.readStates.find(input.userId, channel.id);
    return channelViewFor(channel, state, this.messages);
  }
}
