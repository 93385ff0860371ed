import { assertCanReact } from '../../domain/access/access-policy';
import type { ReactionEmoji } from '../../domain/reaction/reaction-emoji';
import { ChannelRepository } from '../ports/channel-repository.port';
import { Clock } from '../ports/clock.port';
import { EventPublisher } from '../ports/event-publisher.port';
import { MessageRepository } from '../ports/message-repository.port';
import { ReactionRepository } from '../ports/reaction-repository.port';
import { loadReadableMessage } from '../shared/load-channel';
import { MessageView, toMessageView } from '../views/message.view';
import { reactionEvent } from './reaction-event';

export interface AddReactionInput {
  userId: string;
  channelId: string;
  messageId: number;
  emoji: ReactionEmoji;
}

export interface ReactionResult {
  /** The message as the caller sees it now: counts and own_reactions after the call. */
  message: MessageView;
  /** False when nothing changed (the reaction was already there): HTTP 200 instead of 201. */
  created: boolean;
}

/**
 * Adds the caller's reaction (one per message, user and emoji) and publishes reaction.added with
 * the counts after it. Idempotent: a reaction the caller already has changes and publishes nothing.
 * @throws ChannelNotFoundError, MessageNotFoundError, MessageDeletedError (code conflict: a tombstone).
 */
export class AddReaction {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly messages: MessageRepository,
    private readonly reactions: ReactionRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(input: AddReactionInput): Promise<ReactionResult> {
    const { userId, emoji } = input;
    const { channel, message } = await loadReadableMessage(this.channels, this.messages, input);
    assertCanReact(channel, userId, message);
    const change = await this.reactions.add(
      message,
      { user_id: userId, emoji, created_at: this.clock.now() },
      {
        announce: (reactions) =>
          this.events.publish(reactionEvent('reaction.added', message, { userId, emoji, reactions })),
      },
    );
    return {
      message: toMessageView(message.withReactions(change.reactions), userId),
      created: change.changed,
    };
  }
}
