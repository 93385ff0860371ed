import { assertCanDeleteMessage } from '../../domain/access/access-policy';
import { loadReadableMessage } from '../shared/load-channel';
import { ChannelRepository } from '../ports/channel-repository.port';
import { Clock } from '../ports/clock.port';
import { EventPublisher } from '../ports/event-publisher.port';
import { MessageRepository } from '../ports/message-repository.port';
import { PinRepository } from '../ports/pin-repository.port';
import { ReactionRepository } from '../ports/reaction-repository.port';
import { MessageView, toMessageView } from '../views/message.view';

export interface DeleteMessageInput {
  userId: string;
  channelId: string;
  messageId: number;
}

/**
 * Turns a message into a tombstone (author, or an admin outside direct channels) and publishes
 * message.deleted. Deleting a tombstone again returns it and publishes nothing. Unread counts do not
 * change: the tombstone keeps its seq. Its reactions are removed and, if it was pinned, it is
 * unpinned (message.unpinned follows): a tombstone takes neither.
 * @throws ChannelNotFoundError, MessageNotFoundError, NotMessageAuthorError, InsufficientRoleError.
 */
export class DeleteMessage {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly messages: MessageRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
    private readonly reactions: ReactionRepository,
    private readonly pins: PinRepository,
  ) {}

  async execute(input: DeleteMessageInput): Promise<MessageView> {
    const { channel, message } = await loadReadableMessage(this.channels, this.messages, input);
    assertCanDeleteMessage(channel, input.userId, message);
    if (!message.delete(this.clock.now())) return toMessageView(message, input.userId);
    await this.messages.update(message);
    await this.events.publish({
      type: 'message.deleted',
      channel_id: channel.id,
      payload: toMessageView(message),
    });
    // After the tombstone is stored: a reaction or pin racing with the deletion then finds it and is refused.
    await this.reactions.clear(message);
    await this.pins.unpin(message, {
      announce: () =>
        this.events.publish({
          type: 'message.unpinned',
          channel_id: channel.id,
          payload: { channel_id: channel.id, user_id: input.userId, message: toMessageView(message) },
        }),
    });
    return toMessageView(message, input.userId);
  }
}
