import type { ClientEventName } from './client-events';
import type { ServerEventName } from './server-events';

/*
 * Which events each namespace carries, both ways, and when (docs/realtime.md, "Events"). The
 * namespaces accept exactly their `receives` (event-guard.ts answers any other event
 * `validation_error`); the AsyncAPI document (asyncapi.ts) is generated from this, the payload
 * schemas (client-events.ts, server-events.ts) and the acks (client-event-acks.ts).
 */

export interface NamespaceEvents {
  /** The namespace as AsyncAPI writes it: `{channel_id}` is a parameter. */
  address: string;
  title: string;
  description: string;
  /** Client → server, with what the server does. */
  receives: Partial<Record<ClientEventName, string>>;
  /** Server → client, with to whom and when. */
  sends: Partial<Record<ServerEventName, string>>;
}

export const NAMESPACE_EVENTS = {
  chat: {
    address: '/ws/chat/{channel_id}',
    title: 'A channel',
    description:
      'One channel: its messages and events to every participant connected to it; send, mark read, type. ' +
      'The handshake refuses a user who is not a participant (`channel_not_found`).',
    receives: {
      'chat.message':
        'Sends a message, as `POST channels/{id}/send_message/`: same validation, idempotent on ' +
        '`client_message_id` (a repeat acks the first message and sends nothing), stored before anyone ' +
        'receives it. The sender gets their own `chat.message` too.',
      'message.read':
        'Moves the caller’s read pointer forward to `message_id` (default: the latest message), as ' +
        '`POST channels/{id}/mark_read/`.',
      typing: 'The caller started (`true`) or stopped (`false`) typing; heard on both channel namespaces.',
    },
    sends: {
      'chat.message': 'A message was sent (REST or socket), after it was stored.',
      'message.updated': 'A message was edited.',
      'message.deleted': 'A message was deleted: the tombstone, content removed and `deleted_at` set.',
      'message.read': 'A participant’s read pointer moved forward.',
      typing:
        'Another participant started or stopped typing (never your own). `true` at most once per ' +
        '`TYPING_THROTTLE_MS` per user; `false` on request, after `TYPING_TIMEOUT_MS` of quiet, or when ' +
        'the typer disconnects.',
      'user.join': 'A participant’s first connection to this channel, across all nodes.',
      'user.leave': 'A participant’s last connection to this channel closed (or its node died).',
      'participant.added': 'Someone was added to the channel.',
      'participant.removed':
        'Someone was removed, left or was banned (`reason`); the removed user’s channel sockets are then ' +
        'disconnected.',
      'participant.muted':
        'An admin muted a member (until `until`, or until lifted): they still read, their sends are refused.',
      'participant.unmuted': 'An admin lifted a member’s mute: they may send again.',
      'channel.updated':
        'An admin renamed the channel, changed its slow mode or whether members may pin (`PATCH channels/{id}/`).',
      'reaction.added':
        'Someone reacted to a message: `reaction_counts` are the message’s counts after it, in the order ' +
        'of the changes; `own_reactions` is yours, so add `emoji` to it when `user_id` is you.',
      'reaction.removed':
        'Someone took their reaction back: the counts after it; remove `emoji` from your `own_reactions` ' +
        'when `user_id` is you. (A deleted message loses its reactions with `message.deleted` alone.)',
      'message.pinned': 'A message was pinned: the message with `pinned_at` and `pinned_by`.',
      'message.unpinned': 'A message was unpinned (or deleted while pinned): the message, `pinned_at` null.',
    },
  },
  typing: {
    address: '/ws/typing/{channel_id}',
    title: 'A channel’s typing indicators',
    description:
      'Typing indicators alone, for a view that shows “… is typing” without the messages. Typing sent on ' +
      'either namespace of a channel reaches both.',
    receives: {
      typing: 'The caller started (`true`) or stopped (`false`) typing.',
    },
    sends: {
      typing: 'Another participant started or stopped typing (never your own).',
    },
  },
  presence: {
    address: '/ws/presence',
    title: 'Presence',
    description: 'The tenant’s presence, and the user’s own unread counts and notifications.',
    receives: {
      'status.update': 'Sets the caller’s status until they go offline; the tenant gets a `presence.update`.',
      'online.users':
        'Asks for the online users (no payload, or `{}`): the ack carries them, and an `online.users` ' +
        'event follows.',
    },
    sends: {
      'online.users': 'To this socket, right after it connects (its user is in the list), and on request.',
      'presence.update':
        'To the tenant’s presence sockets: a user came online (first connection anywhere), went offline ' +
        '(last one closed) or changed status.',
      'unread.update': 'To the user: their unread count in a channel changed.',
      notification: 'To the user: a new message in one of their channels.',
      'block.updated':
        'To the user: they blocked (`blocked: true`) or unblocked a user, from any device: filter live ' +
        'events of blocked users with it (`GET blocks/` gives the whole list).',
    },
  },
} as const satisfies Record<string, NamespaceEvents>;

export type NamespaceKind = keyof typeof NAMESPACE_EVENTS;

/** The client events a namespace accepts. */
export function acceptedEvents(kind: NamespaceKind): ReadonlySet<ClientEventName> {
  return new Set(Object.keys(NAMESPACE_EVENTS[kind].receives) as ClientEventName[]);
}
