import { z } from 'zod';
import { CONTENT_TYPES } from '../../domain/message/content-type';
import { PARTICIPANT_ROLES } from '../../domain/participant/participant-role';
import { REACTION_EMOJI } from '../../domain/reaction/reaction-emoji';
import { USER_TYPES } from '../../domain/user/user-type';

/*
 * The views REST answers and sockets send alike (docs/contract.md): a message, a participant, a read
 * state and the contract's error object. REST documents its responses with them (OpenAPI), Socket.IO
 * its events and acks (AsyncAPI), and the tests parse what the server really sends with them.
 */

export const id = z.number().int().min(1);
export const timestamp = z.iso.datetime({ offset: true });

/** `{emoji: how many}`: only emoji someone reacted with. */
export const reactionCounts = z.partialRecord(z.enum(REACTION_EMOJI), z.number().int().min(1)).meta({
  description:
    'how many users reacted with each emoji, only those used (`{}` for none); the key order means nothing',
  example: { '+1': 2, heart: 1 },
});

export const messageView = z
  .strictObject({
    id,
    seq: id.meta({ description: 'position in the channel: 1, 2, 3 … without gaps' }),
    channel_id: z.uuid(),
    user_id: z.string(),
    content: z.string().meta({ description: 'empty for a deleted message (tombstone)' }),
    content_type: z.enum(CONTENT_TYPES),
    file_url: z.string().nullable(),
    parent_id: id.nullable(),
    client_message_id: z.string().nullable(),
    created_at: timestamp,
    edited_at: timestamp.nullable(),
    deleted_at: timestamp.nullable(),
    reaction_counts: reactionCounts,
    own_reactions: z
      .array(z.enum(REACTION_EMOJI))
      .nullable()
      .meta({
        description:
          'the caller’s own reactions. In events broadcast to a channel, which have no one caller, `[]` ' +
          'when the message has no reaction and null when it has some: keep the set you hold and apply ' +
          '`reaction.added` / `reaction.removed` carrying your user_id',
      }),
    pinned_at: timestamp
      .nullable()
      .meta({ description: 'when it was pinned in its channel; null if it is not' }),
    pinned_by: z.string().nullable().meta({ description: 'who pinned it; null if it is not pinned' }),
    from_blocked_user: z
      .boolean()
      .optional()
      .meta({
        description:
          'in history pages and channel views only: true when the caller blocked the author (absent from ' +
          'socket events: filter them with the caller’s block list)',
      }),
  })
  .meta({ id: 'Message' });

export const participantView = z
  .strictObject({
    user_id: z.string(),
    role: z.enum(PARTICIPANT_ROLES),
    user_type: z.enum(USER_TYPES),
    joined_at: timestamp,
  })
  .meta({ id: 'Participant' });

export const readState = z
  .strictObject({
    channel_id: z.uuid(),
    last_read_message_id: id.nullable(),
    unread_count: z.number().int().min(0),
  })
  .meta({ id: 'ReadState' });

/** `{code, message, details?}`: REST wraps it in `{error}`, socket acks and handshake refusals carry it. */
export const errorObjectSchema = z.strictObject({
  code: z.string().meta({ description: 'one of the contract’s error codes; see each response' }),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
