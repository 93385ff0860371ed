import { z } from 'zod';
import { CONTENT_TYPES } from '../../domain/message/content-type';
import { PARTICIPANT_ROLES } from '../../domain/participant/participant-role';
import { USER_TYPES } from '../../domain/user/user-type';

/*
 * The views REST answers and sockets send alike (docs/contract.md): a message, a participant, a read
 * state and the contract's error object. REST documents its responses with them (OpenAPI), Socket.IO
 * its events and acks (AsyncAPI), and the tests parse what the server really sends with them.
 */

export const id = z.number().int().min(1);
export const timestamp = z.iso.datetime({ offset: true });

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
