import { assertCanUnpin } from '../../domain/access/access-policy';
import { ChannelRepository } from '../ports/channel-repository.port';
import { EventPublisher } from '../ports/event-publisher.port';
import { MessageRepository } from '../ports/message-repository.port';
import { PinRepository } from '../ports/pin-repository.port';
import { loadReadableMessage } from '../shared/load-channel';
import { MessageView, toMessageView } from '../views/message.view';

export interface UnpinMessageInput {
  userId: string;
  channelId: string;
  messageId: number;
}

/**
 * Unpins a message and publishes message.unpinned. Idempotent: unpinning a message that is not
 * pinned changes and publishes nothing. The same people may unpin as may pin (any pin, not only
 * their own).
 * @throws ChannelNotFoundError, MessageNotFoundError, InsufficientRoleError.
 */
export class UnpinMessage {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly messages: MessageRepository,
    private readonly pins: PinRepository,
    private readonly events: EventPublisher,
  ) {}

  async execute(input: UnpinMessageInput): Promise<MessageView> {
    const { channel, message } = await loadReadableMessage(this.channels, this.messages, input);
    assertCanUnpin(channel, input.userId, message);
    const change = await this.pins.unpin(message, {
      announce: () =>
        this.events.publish({
          type: 'message.unpinned',
          channel_id: channel.id,
          payload: {
            channel_id: channel.id,
            user_id: input.userId,
            message: toMessageView(message.withPin(null)),
          },
        }),
    });
    return toMessageView(message.withPin(change.pin), input.userId);
  }
}
