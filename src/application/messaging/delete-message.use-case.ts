import { assertCanDeleteMessage } from '../../domain/access/access-policy';
import { loadReadableMessage } from '../shared/load-channel';
import { ChannelRepository } from '../ports/channel-repository.port';
import { Clock } from '../ports/clock.port';
import { EventPublisher } from '../ports/event-publisher.port';
import { MessageRepository } from '../ports/message-repository.port';
import { MessageView, toMessageView } from '../views/message.view';

export interface DeleteMessageInput {
  userId: string;
  channelId: string;
  messageId: number;
}

/**
 * Turns a message into a tombstone (author, or an admin outside direct channels) and publishes
 * message.deleted. Deleting a tombstone again returns it and publishes nothing. Unread counts do not
 * change: the tombstone keeps its seq.
 * @throws ChannelNotFoundError, MessageNotFoundError, NotMessageAuthorError, InsufficientRoleError.
 */
export class DeleteMessage {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly messages: MessageRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(input: DeleteMessageInput): Promise<MessageView> {
    const { channel, message } = await loadReadableMessage(this.channels, this.messages, input);
    assertCanDeleteMessage(channel, input.userId, message);
    if (!message.delete(this.clock.now())) return toMessageView(message);
    await this.messages.update(message);
    const view = toMessageView(message);
    await this.events.publish({ type: 'message.deleted', channel_id: channel.id, payload: view });
    return view;
  }
}
