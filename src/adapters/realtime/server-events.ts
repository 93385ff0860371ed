import { z } from 'zod';
import { REACTION_EMOJI } from '../../domain/reaction/reaction-emoji';
import { id, messageView, participantView, reactionCounts, timestamp } from '../edge/chat-view.schemas';
import { PRESENCE_STATUSES } from '../presence/redis-presence';

/*
 * Every event the server sends to clients, by Socket.IO event name, with the schema of its payload
 * (one argument, a JSON object). Emitting code takes its event names from here (RedisSocketEmitter
 * and ServerSocket are typed by it, so an event missing here fails typecheck), the AsyncAPI document
 * is generated from it (asyncapi.ts), and the tests parse what clients receive with it. Which
 * namespace sends which event: namespace-events.ts.
 */

const channelId = z.uuid();
const count = z.number().int().min(0);

const channelUser = z.strictObject({ channel_id: channelId, user_id: z.string() });

const typing = z.strictObject({ channel_id: channelId, user_id: z.string(), is_typing: z.boolean() });

const onlineUsers = z.strictObject({
  users: z.array(z.strictObject({ user_id: z.string(), status: z.enum(PRESENCE_STATUSES) })).meta({
    description: 'every user of the tenant with a connection, sorted by user_id',
  }),
});

const reaction = z.strictObject({
  channel_id: channelId,
  message_id: id,
  user_id: z.string().meta({ description: 'who reacted or took it back: yours → update own_reactions' }),
  emoji: z.enum(REACTION_EMOJI),
  reaction_counts: reactionCounts.meta({ description: 'the message’s counts after the change' }),
});

const pin = z.strictObject({
  channel_id: channelId,
  user_id: z.string().meta({ description: 'who pinned or unpinned it' }),
  message: messageView,
});

export const SERVER_EVENTS = {
  'chat.message': messageView,
  'message.updated': messageView,
  'message.deleted': messageView,
  'message.read': z.strictObject({
    channel_id: channelId,
    user_id: z.string(),
    last_read_message_id: id,
    read_at: timestamp,
  }),
  typing,
  'user.join': channelUser,
  'user.leave': channelUser,
  'participant.added': z.strictObject({ channel_id: channelId, participant: participantView }),
  'participant.removed': z.strictObject({
    channel_id: channelId,
    user_id: z.string(),
    reason: z.enum(['left', 'removed', 'banned']).meta({
      description: '`left`: they removed themselves; `removed`: by an admin; `banned`: by an admin’s ban',
    }),
  }),
  'participant.muted': z.strictObject({
    channel_id: channelId,
    user_id: z.string(),
    until: timestamp.nullable().meta({ description: 'when the mute ends; null: until an admin lifts it' }),
  }),
  'participant.unmuted': channelUser,
  'channel.updated': z.strictObject({
    channel_id: channelId,
    name: z.string().nullable(),
    slow_mode_seconds: count.meta({ description: '0: off' }),
    members_can_pin: z.boolean(),
    updated_at: timestamp,
  }),
  'reaction.added': reaction,
  'reaction.removed': reaction,
  'message.pinned': pin,
  'message.unpinned': pin,
  'presence.update': z.strictObject({
    user_id: z.string(),
    status: z.enum([...PRESENCE_STATUSES, 'offline']),
    last_seen_at: timestamp.nullable().meta({ description: 'when they went offline; null otherwise' }),
  }),
  'online.users': onlineUsers,
  'unread.update': z.strictObject({
    channel_id: channelId,
    unread_count: count,
    total_unread: count.meta({ description: 'the user’s unread messages over their channels not muted' }),
  }),
  'block.updated': z.strictObject({
    user_id: z.string().meta({ description: 'the user the recipient blocked or unblocked' }),
    blocked: z.boolean(),
  }),
  notification: z.strictObject({
    type: z.enum(['message.new', 'mention']).meta({
      description: '`mention` when the message mentions the recipient (`@user_id`)',
    }),
    channel_id: channelId,
    message: messageView,
  }),
} as const;

export type ServerEventName = keyof typeof SERVER_EVENTS;

/** What an emitter may send as the payload of `E`. */
export type ServerEventPayload<E extends ServerEventName> = z.input<(typeof SERVER_EVENTS)[E]>;

/** The events of a socket's `emit` (socket-session.ts): only these names, each with its payload. */
export type ServerEmits = { [E in ServerEventName]: (payload: ServerEventPayload<E>) => void };
