import { assertCanPin } from '../../domain/access/access-policy';
import { MAX_PINS_PER_CHANNEL } from '../../domain/pin/pin';
import { ChannelRepository } from '../ports/channel-repository.port';
import { Clock } from '../ports/clock.port';
import { EventPublisher } from '../ports/event-publisher.port';
import { MessageRepository } from '../ports/message-repository.port';
import { PinRepository } from '../ports/pin-repository.port';
import { loadReadableMessage } from '../shared/load-channel';
import { MessageView, toMessageView } from '../views/message.view';

export interface PinMessageInput {
  userId: string;
  channelId: string;
  messageId: number;
}

export interface PinResult {
  /** The message with its pin (`pinned_at`, `pinned_by`). */
  message: MessageView;
  /** False when it was already pinned (it keeps its first pin): HTTP 200 instead of 201. */
  created: boolean;
}

/**
 * Pins a message in its channel and publishes message.pinned. Idempotent: pinning a pinned message
 * changes nothing. A channel holds at most MAX_PINS_PER_CHANNEL pins.
 * @throws ChannelNotFoundError, MessageNotFoundError, InsufficientRoleError (see assertCanPin),
 *   MessageDeletedError and PinLimitReachedError (both code conflict).
 */
export class PinMessage {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly messages: MessageRepository,
    private readonly pins: PinRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(input: PinMessageInput): Promise<PinResult> {
    const { channel, message } = await loadReadableMessage(this.channels, this.messages, input);
    assertCanPin(channel, input.userId, message);
    const pin = { pinned_by: input.userId, pinned_at: this.clock.now() };
    const change = await this.pins.pin(message, pin, MAX_PINS_PER_CHANNEL, {
      announce: (now) =>
        this.events.publish({
          type: 'message.pinned',
          channel_id: channel.id,
          payload: {
            channel_id: channel.id,
            user_id: input.userId,
            message: toMessageView(message.withPin(now)),
          },
        }),
    });
    return { message: toMessageView(message.withPin(change.pin), input.userId), created: change.changed };
  }
}
