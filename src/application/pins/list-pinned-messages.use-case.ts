import { Message } from '../../domain/message/message.entity';
import { ChannelRepository } from '../ports/channel-repository.port';
import { MessageRepository } from '../ports/message-repository.port';
import { PinRepository } from '../ports/pin-repository.port';
import { loadReadableChannel } from '../shared/load-channel';
import { MessageView, toMessageView } from '../views/message.view';

export interface ListPinnedMessagesInput {
  userId: string;
  channelId: string;
}

export interface ListPinnedMessagesResult {
  /** The most recently pinned first; each with `pinned_at` and `pinned_by`. */
  results: MessageView[];
}

/**
 * The channel's pinned messages (at most MAX_PINS_PER_CHANNEL), as the caller sees them. A message
 * deleted while its unpin was in flight is left out: a tombstone is never listed.
 * @throws ChannelNotFoundError.
 */
export class ListPinnedMessages {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly messages: MessageRepository,
    private readonly pins: PinRepository,
  ) {}

  async execute(input: ListPinnedMessagesInput): Promise<ListPinnedMessagesResult> {
    const { channel } = await loadReadableChannel(this.channels, input.channelId, input.userId);
    const pins = await this.pins.listByChannel(channel.id);
    const found = await this.messages.findManyByIds(pins.map((p) => p.message_id));
    const byId = new Map(found.map((m) => [m.id, m]));
    const results = pins.flatMap((pin) => {
      const message: Message | undefined = byId.get(pin.message_id);
      if (!message || message.channelId !== channel.id || message.isDeleted) return [];
      return [toMessageView(message.withPin(pin), input.userId)];
    });
    return { results };
  }
}
