import type { Message, ReactionEvent } from './types.js';

/**
 * The message after a `reaction.added` or `reaction.removed` event: its counts are the event's, and
 * `own_reactions` (the emoji `me` reacted with) gains or loses the emoji when `me` is who reacted.
 * Messages in channel broadcasts carry `own_reactions: null` when they have reactions (a broadcast
 * has no one caller): keep the set you hold, from history or an earlier event, and apply events to
 * it; with nothing held, the set stays null (unknown) until `me` reacts. Another message is
 * returned unchanged, so `messages.map((m) => applyReaction(m, kind, event, me))` is safe.
 */
export function applyReaction(
  message: Message,
  kind: 'reaction.added' | 'reaction.removed',
  event: ReactionEvent,
  me: string,
): Message {
  if (message.id !== event.message_id || message.channel_id !== event.channel_id) return message;
  if (event.user_id !== me) return { ...message, reaction_counts: event.reaction_counts };
  const own = new Set(message.own_reactions ?? []);
  if (kind === 'reaction.added') own.add(event.emoji);
  else own.delete(event.emoji);
  return { ...message, reaction_counts: event.reaction_counts, own_reactions: [...own] };
}
