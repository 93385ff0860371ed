import { ContentType } from '../../domain/message/content-type';
import { Message } from '../../domain/message/message.entity';
import type { MessageReactions } from '../../domain/reaction/message-reactions';
import type { ReactionEmoji } from '../../domain/reaction/reaction-emoji';

/** A message as docs/contract.md shows it, for REST replies and socket payloads alike. */
export interface MessageView {
  id: number;
  seq: number;
  channel_id: string;
  user_id: string;
  content: string;
  content_type: ContentType;
  file_url: string | null;
  parent_id: number | null;
  client_message_id: string | null;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
  /** `{emoji: how many}` of the emoji used; `{}` for none (and on a tombstone). */
  reaction_counts: Partial<Record<ReactionEmoji, number>>;
  /**
   * The viewer's own reactions. Null only in a payload broadcast to a channel (no one viewer) about a
   * message that has reactions: then each recipient's would differ.
   */
  own_reactions: ReactionEmoji[] | null;
  pinned_at: string | null;
  pinned_by: string | null;
  /**
   * Only in history pages and channel views returned to a caller: true when the caller blocked the
   * author (views/moderation.view.ts, seenBy). Absent elsewhere (socket events, notifications).
   */
  from_blocked_user?: boolean;
}

/**
 * The message as `viewer` sees it: their own reactions in `own_reactions`. Without a viewer (an
 * event every participant of a channel receives alike) `own_reactions` is `[]` when the message has
 * no reaction (a new message, a tombstone: true for everyone), and null otherwise: clients keep the
 * set they hold and apply `reaction.added` / `reaction.removed` whose `user_id` is theirs.
 */
export function toMessageView(message: Message, viewer?: string): MessageView {
  const m = message.toPrimitives();
  const pin = message.pin;
  return {
    id: m.id,
    seq: m.seq,
    channel_id: m.channel_id,
    user_id: m.user_id,
    content: m.content,
    content_type: m.content_type,
    file_url: m.file_url,
    parent_id: m.parent_id,
    client_message_id: m.client_message_id,
    created_at: m.created_at.toISOString(),
    edited_at: m.edited_at?.toISOString() ?? null,
    deleted_at: m.deleted_at?.toISOString() ?? null,
    reaction_counts: message.reactions.counts(),
    own_reactions: ownReactions(message.reactions, viewer),
    pinned_at: pin?.pinned_at.toISOString() ?? null,
    pinned_by: pin?.pinned_by ?? null,
  };
}

function ownReactions(reactions: MessageReactions, viewer: string | undefined): ReactionEmoji[] | null {
  if (viewer !== undefined) return reactions.of(viewer);
  return reactions.isEmpty() ? [] : null;
}
