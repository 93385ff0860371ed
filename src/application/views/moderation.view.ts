import type { MessageFlagPrimitives } from '../../domain/moderation/message-flag';
import type { RestrictionPrimitives } from '../../domain/moderation/restriction';
import type { UserBlockPrimitives } from '../../domain/moderation/user-block';
import { MessageView, toMessageView } from './message.view';
import { Message } from '../../domain/message/message.entity';

/** A channel ban or mute, as docs/contract.md shows it. */
export interface ChannelRestrictionView {
  channel_id: string;
  user_id: string;
  /** Null: until lifted. */
  until: string | null;
  reason: string | null;
  created_by: string;
  created_at: string;
}

/** A ban from the whole tenant (admin API). */
export interface TenantBanView {
  user_id: string;
  until: string | null;
  reason: string | null;
  created_at: string;
}

/** A flag: the message as it was when flagged, who flagged it and why. */
export interface FlagView {
  id: string;
  channel_id: string;
  message_id: number;
  message: MessageView;
  flagged_by: string;
  reason: string;
  created_at: string;
}

/** One of the caller's blocks. */
export interface BlockView {
  user_id: string;
  created_at: string;
}

export function toChannelRestrictionView(
  channelId: string,
  r: RestrictionPrimitives,
): ChannelRestrictionView {
  return {
    channel_id: channelId,
    user_id: r.user_id,
    until: r.until?.toISOString() ?? null,
    reason: r.reason,
    created_by: r.created_by,
    created_at: r.created_at.toISOString(),
  };
}

export function toTenantBanView(r: RestrictionPrimitives): TenantBanView {
  return {
    user_id: r.user_id,
    until: r.until?.toISOString() ?? null,
    reason: r.reason,
    created_at: r.created_at.toISOString(),
  };
}

export function toFlagView(flag: MessageFlagPrimitives): FlagView {
  return {
    id: flag.id,
    channel_id: flag.channel_id,
    message_id: flag.message_id,
    message: toMessageView(Message.fromPrimitives(flag.message)),
    flagged_by: flag.flagged_by,
    reason: flag.reason,
    created_at: flag.created_at.toISOString(),
  };
}

export function toBlockView(block: UserBlockPrimitives): BlockView {
  return { user_id: block.blocked_id, created_at: block.created_at.toISOString() };
}

/**
 * The message as the caller sees it in a history page or a channel view: flagged when its author is
 * one the caller blocked (their client hides or greys it; the message itself is stored as for anyone).
 */
export function seenBy<T extends MessageView | null>(view: T, blocked: ReadonlySet<string>): T {
  return view === null ? view : { ...view, from_blocked_user: blocked.has(view.user_id) };
}
