import type { Message } from '../../domain/message/message.entity';
import type { MessageReactions } from '../../domain/reaction/message-reactions';
import type { ReactionEmoji } from '../../domain/reaction/reaction-emoji';
import type { ChannelEvent } from '../events/chat-event';

/** `reaction.added` or `reaction.removed` for the channel: who, which emoji, the counts after it. */
export function reactionEvent(
  type: 'reaction.added' | 'reaction.removed',
  message: Message,
  change: { userId: string; emoji: ReactionEmoji; reactions: MessageReactions },
): ChannelEvent {
  return {
    type,
    channel_id: message.channelId,
    payload: {
      channel_id: message.channelId,
      message_id: message.id,
      user_id: change.userId,
      emoji: change.emoji,
      reaction_counts: change.reactions.counts(),
    },
  };
}
