import { assertCanUnreact } from '../../domain/access/access-policy';
import type { ReactionEmoji } from '../../domain/reaction/reaction-emoji';
import { ChannelRepository } from '../ports/channel-repository.port';
import { EventPublisher } from '../ports/event-publisher.port';
import { MessageRepository } from '../ports/message-repository.port';
import { ReactionRepository } from '../ports/reaction-repository.port';
import { loadReadableMessage } from '../shared/load-channel';
import { MessageView, toMessageView } from '../views/message.view';
import { reactionEvent } from './reaction-event';

export interface RemoveReactionInput {
  userId: string;
  channelId: string;
  messageId: number;
  emoji: ReactionEmoji;
}

/**
 * Takes back the caller's reaction and publishes reaction.removed with the counts after it.
 * Idempotent: removing a reaction the caller does not have changes and publishes nothing (a
 * tombstone has none).
 * @throws ChannelNotFoundError, MessageNotFoundError.
 */
export class RemoveReaction {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly messages: MessageRepository,
    private readonly reactions: ReactionRepository,
    private readonly events: EventPublisher,
  ) {}

  async execute(input: RemoveReactionInput): Promise<MessageView> {
    const { userId, emoji } = input;
    const { channel, message } = await loadReadableMessage(this.channels, this.messages, input);
    assertCanUnreact(channel, userId, message);
    if (message.isDeleted) return toMessageView(message, userId);
    const change = await this.reactions.remove(message, userId, emoji, {
      announce: (reactions) =>
        this.events.publish(reactionEvent('reaction.removed', message, { userId, emoji, reactions })),
    });
    return toMessageView(message.withReactions(change.reactions), userId);
  }
}
