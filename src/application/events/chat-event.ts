import type { ReactionEmoji } from '../../domain/reaction/reaction-emoji';
import { MessageView } from '../views/message.view';
import { ParticipantView } from '../views/channel.view';

/*
 * What the use cases publish. Each event is addressed either to a channel (everyone connected to
 * /ws/chat/{channel_id}) or to one user (their /ws/presence sockets). `payload` is exactly what
 * the socket sends (docs/contract.md, "Socket.IO"); SOCKET_EVENT_NAMES gives the socket event name.
 */

export interface MessageReadPayload {
  channel_id: string;
  user_id: string;
  last_read_message_id: number;
  read_at: string;
}

export interface ParticipantAddedPayload {
  channel_id: string;
  participant: ParticipantView;
}

export interface ParticipantRemovedPayload {
  channel_id: string;
  user_id: string;
  /** `left` (they removed themselves), `removed` (by an admin), `banned` (by an admin's ban). */
  reason: 'left' | 'removed' | 'banned';
}

export interface ParticipantMutedPayload {
  channel_id: string;
  user_id: string;
  /** Null: until an admin lifts it. */
  until: string | null;
}

export interface ParticipantUnmutedPayload {
  channel_id: string;
  user_id: string;
}

export interface ChannelUpdatedPayload {
  channel_id: string;
  name: string | null;
  slow_mode_seconds: number;
  members_can_pin: boolean;
  updated_at: string;
}

/** To the blocker's own sockets (their other devices keep their block list current). */
export interface BlockUpdatedPayload {
  user_id: string;
  blocked: boolean;
}

export interface UnreadUpdatePayload {
  channel_id: string;
  unread_count: number;
  /** The user's unread messages over all their channels that are not muted. */
  total_unread: number;
}

export interface NotificationPayload {
  /** `mention` when the message mentions the recipient (`@user_id` in its content). */
  type: 'message.new' | 'mention';
  channel_id: string;
  message: MessageView;
}

/** `reaction.added` / `reaction.removed`: what changed and the message's counts after it. */
export interface ReactionPayload {
  channel_id: string;
  message_id: number;
  /** Who reacted (or took it back): a client whose user this is updates its own_reactions. */
  user_id: string;
  emoji: ReactionEmoji;
  reaction_counts: Partial<Record<ReactionEmoji, number>>;
}

/** `message.pinned` / `message.unpinned`: who did it, and the message with its pin now. */
export interface PinPayload {
  channel_id: string;
  user_id: string;
  message: MessageView;
}

interface ToChannel<T extends string, P> {
  type: T;
  channel_id: string;
  payload: P;
}

interface ToUser<T extends string, P> {
  type: T;
  user_id: string;
  payload: P;
}

export type ChannelEvent =
  | ToChannel<'message.created', MessageView>
  | ToChannel<'message.updated', MessageView>
  | ToChannel<'message.deleted', MessageView>
  | ToChannel<'message.read', MessageReadPayload>
  | ToChannel<'participant.added', ParticipantAddedPayload>
  | ToChannel<'participant.removed', ParticipantRemovedPayload>
  | ToChannel<'reaction.added', ReactionPayload>
  | ToChannel<'reaction.removed', ReactionPayload>
  | ToChannel<'message.pinned', PinPayload>
  | ToChannel<'message.unpinned', PinPayload>
  | ToChannel<'participant.muted', ParticipantMutedPayload>
  | ToChannel<'participant.unmuted', ParticipantUnmutedPayload>
  | ToChannel<'channel.updated', ChannelUpdatedPayload>;

export type UserEvent =
  | ToUser<'unread.update', UnreadUpdatePayload>
  | ToUser<'notification', NotificationPayload>
  | ToUser<'block.updated', BlockUpdatedPayload>;

export type ChatEvent = ChannelEvent | UserEvent;

/** The Socket.IO event name of each event type (only message.created is renamed, to `chat.message`). */
export const SOCKET_EVENT_NAMES = {
  'message.created': 'chat.message',
  'message.updated': 'message.updated',
  'message.deleted': 'message.deleted',
  'message.read': 'message.read',
  'participant.added': 'participant.added',
  'participant.removed': 'participant.removed',
  'reaction.added': 'reaction.added',
  'reaction.removed': 'reaction.removed',
  'message.pinned': 'message.pinned',
  'message.unpinned': 'message.unpinned',
  'participant.muted': 'participant.muted',
  'participant.unmuted': 'participant.unmuted',
  'channel.updated': 'channel.updated',
  'unread.update': 'unread.update',
  notification: 'notification',
  'block.updated': 'block.updated',
} as const satisfies Record<ChatEvent['type'], string>;
