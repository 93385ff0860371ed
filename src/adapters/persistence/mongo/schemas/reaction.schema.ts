import { Schema } from 'mongoose';
import type { Reaction } from '../../../../domain/reaction/message-reactions';
import { isReactionEmoji } from '../../../../domain/reaction/reaction-emoji';

/** One user's reaction with one emoji to one message: the source of what the message shows. */
export interface ReactionDocument {
  /** JSON [message_id, user_id, emoji]: the same reaction twice is refused by `_id` itself. */
  _id: string;
  channel_id: string;
  message_id: number;
  user_id: string;
  emoji: string;
  created_at: Date;
}

export const reactionSchema = new Schema<ReactionDocument>(
  {
    _id: { type: String, required: true },
    channel_id: { type: String, required: true },
    message_id: { type: Number, required: true },
    user_id: { type: String, required: true },
    emoji: { type: String, required: true },
    created_at: { type: Date, required: true },
  },
  { collection: 'message_reactions', versionKey: false, autoIndex: false, id: false },
);

// A message's reactions, read whole (they are bounded) to rebuild what the message shows.
reactionSchema.index({ message_id: 1 });

export function reactionId(messageId: number, userId: string, emoji: string): string {
  return JSON.stringify([messageId, userId, emoji]);
}

/** The stored reactions the domain knows (an emoji since dropped from the set is left out). */
export function toReactions(docs: readonly ReactionDocument[]): Reaction[] {
  return docs.flatMap((d) =>
    isReactionEmoji(d.emoji) ? [{ emoji: d.emoji, user_id: d.user_id, created_at: d.created_at }] : [],
  );
}
