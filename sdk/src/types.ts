import type { components } from './generated/openapi.js';

type Schemas = components['schemas'];

/**
 * A message (REST's Message object; socket payloads carry the same). Never null: the served
 * document marks the Message component nullable because Channel.last_message is.
 */
export type Message = NonNullable<Schemas['Message']>;
/** A participant of a channel. */
export type Participant = Schemas['Participant'];
/**
 * A channel, with the caller's `unread_count`, `last_read_message_id` and `is_muted`.
 * `last_message` is null for a channel without messages (the served document omits the null).
 */
export type Channel = Omit<Schemas['Channel'], 'last_message'> & { last_message: Message | null };
/** The body of a send: `content` (or a `file_url`), optional `content_type`, `parent_id`. */
export type SendMessageInput = Omit<Schemas['SendMessageRequest'], 'client_message_id'>;
/** The caller's read state after `mark_read`. */
export type ReadState = Schemas['ReadState'];

/** A presence status; `offline` is only ever reported, never set. */
export type PresenceStatus = 'online' | 'away' | 'busy' | 'offline';

/** `typing` on /ws/chat/{id} and /ws/typing/{id}: someone else started or stopped typing. */
export interface TypingEvent {
  channel_id: string;
  user_id: string;
  is_typing: boolean;
}

/** `message.read`: a participant's read pointer moved forward. */
export interface MessageReadEvent {
  channel_id: string;
  user_id: string;
  last_read_message_id: number;
  read_at: string;
}

/** `user.join` / `user.leave`: a participant's first connection to, or last disconnection from, a channel. */
export interface ChannelPresenceEvent {
  channel_id: string;
  user_id: string;
}

/** `participant.added`. */
export interface ParticipantAddedEvent {
  channel_id: string;
  participant: Participant;
}

/** `participant.removed`: `reason` says whether they left, were removed by an admin or banned. */
export interface ParticipantRemovedEvent {
  channel_id: string;
  user_id: string;
  reason: 'left' | 'removed' | 'banned';
}

/** One of the short codes a message can be reacted with (the server's set). */
export type ReactionEmoji = NonNullable<Message['own_reactions']>[number];

/**
 * `reaction.added` / `reaction.removed`: `user_id` reacted to a message or took the reaction back;
 * `reaction_counts` are the message's counts after the change. Apply it with `applyReaction`.
 */
export interface ReactionEvent {
  channel_id: string;
  message_id: number;
  user_id: string;
  emoji: ReactionEmoji;
  reaction_counts: Message['reaction_counts'];
}

/** `message.pinned` / `message.unpinned`: `user_id` pinned or unpinned `message` (as it is now). */
export interface PinEvent {
  channel_id: string;
  user_id: string;
  message: Message;
}

/** `participant.muted`: an admin muted a participant, until `until` (null: until lifted). */
export interface ParticipantMutedEvent {
  channel_id: string;
  user_id: string;
  until: string | null;
}

/** `channel.updated`: an admin changed the channel's name or settings. */
export interface ChannelUpdatedEvent {
  channel_id: string;
  name: string | null;
  /** 0: slow mode is off. */
  slow_mode_seconds: number;
  members_can_pin: boolean;
  updated_at: string;
}

/** `block.updated`: the caller (on any device) blocked or unblocked `user_id`. */
export interface BlockUpdate {
  user_id: string;
  blocked: boolean;
}

/** `presence.update`: a user came online, went offline or changed status. */
export interface PresenceUpdate {
  user_id: string;
  status: PresenceStatus;
  last_seen_at: string | null;
}

/** `unread.update`: the caller's unread count of one channel changed; `total_unread` leaves out muted channels. */
export interface UnreadUpdate {
  channel_id: string;
  unread_count: number;
  total_unread: number;
}

/** `notification`: a new message (or a mention) in one of the caller's channels. */
export interface ChatNotification {
  type: 'message.new' | 'mention';
  channel_id: string;
  message: Message;
}
