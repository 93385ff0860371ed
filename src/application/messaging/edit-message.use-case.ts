import { assertCanEditMessage } from '../../domain/access/access-policy';
import { loadReadableMessage } from '../shared/load-channel';
import { ChannelRepository } from '../ports/channel-repository.port';
import { Clock } from '../ports/clock.port';
import { EventPublisher } from '../ports/event-publisher.port';
import { MessageRepository } from '../ports/message-repository.port';
import { MessageView, toMessageView } from '../views/message.view';

export interface EditMessageInput {
  userId: string;
  channelId: string;
  messageId: number;
  content: string;
}

/**
 * Replaces a message's content (author only) and publishes message.updated.
 * @throws ChannelNotFoundError, MessageNotFoundError, NotMessageAuthorError (code forbidden),
 *   MessageDeletedError (code conflict), ValidationError.
 */
export class EditMessage {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly messages: MessageRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(input: EditMessageInput): Promise<MessageView> {
    const { channel, message } = await loadReadableMessage(this.channels, this.messages, input);
    assertCanEditMessage(channel, input.userId, message);
    message.edit(input.content, this.clock.now());
    await this.messages.update(message);
    await this.events.publish({
      type: 'message.updated',
      channel_id: channel.id,
      payload: toMessageView(message),
    });
    return toMessageView(message, input.userId);
  }
}
