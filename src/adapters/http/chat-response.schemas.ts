import { z } from 'zod';
import { CHANNEL_TYPES } from '../../domain/channel/channel-type';
import { CONTENT_TYPES } from '../../domain/message/content-type';
import { PARTICIPANT_ROLES } from '../../domain/participant/participant-role';
import { USER_TYPES } from '../../domain/user/user-type';

/*
 * What the chat API answers, as the use cases' views give it (the JSON of docs/contract.md). These schemas
 * document the responses in OpenAPI; the API tests parse real responses with them, so the
 * document cannot drift from what the server sends.
 */

const id = z.number().int().min(1);
const timestamp = z.iso.datetime({ offset: true });

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

export const channelView = z
  .strictObject({
    id: z.uuid(),
    channel_type: z.enum(CHANNEL_TYPES),
    name: z.string().nullable(),
    host_application_id: z.string().nullable(),
    context_object_type: z.string().nullable(),
    context_object_id: z.string().nullable(),
    participants: z.array(participantView),
    created_by: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    last_message: messageView.nullable(),
    unread_count: z.number().int().min(0).meta({ description: 'the caller’s' }),
    last_read_message_id: id.nullable().meta({ description: 'the caller’s' }),
    is_muted: z.boolean().meta({ description: 'the caller’s' }),
  })
  .meta({ id: 'Channel' });

export const channelList = z
  .strictObject({ results: z.array(channelView), next_cursor: z.string().nullable() })
  .meta({ id: 'ChannelList' });

export const messagePage = z
  .strictObject({ results: z.array(messageView), has_more_before: z.boolean(), has_more_after: z.boolean() })
  .meta({ id: 'MessagePage' });

export const readState = z
  .strictObject({
    channel_id: z.uuid(),
    last_read_message_id: id.nullable(),
    unread_count: z.number().int().min(0),
  })
  .meta({ id: 'ReadState' });

export const muteState = z
  .strictObject({ channel_id: z.uuid(), is_muted: z.boolean() })
  .meta({ id: 'MuteState' });

export const readBy = z
  .strictObject({ results: z.array(z.strictObject({ user_id: z.string(), read_at: timestamp })) })
  .meta({ id: 'ReadBy' });

export const participantRemoval = z
  .strictObject({
    removed: participantView,
    promoted: participantView
      .nullable()
      .meta({ description: 'who became admin because the last admin left' }),
  })
  .meta({ id: 'ParticipantRemoval' });

export const centralizedView = z
  .strictObject({
    channel: channelView.nullable(),
    messages: z.array(messageView),
    conversations: z.array(channelView),
    totals: z.strictObject({
      unread_channels: z.number().int().min(0),
      unread_messages: z.number().int().min(0),
    }),
  })
  .meta({ id: 'CentralizedView' });

export const errorResponse = z
  .strictObject({
    error: z.strictObject({
      code: z.string().meta({ description: 'one of the contract’s error codes; see each response' }),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: 'Error' });
