import { z } from 'zod';
import { CHANNEL_TYPES } from '../../domain/channel/channel-type';
import { MAX_PINS_PER_CHANNEL } from '../../domain/pin/pin';
import {
  errorObjectSchema,
  id,
  messageView,
  participantView,
  readState,
  timestamp,
} from '../edge/chat-view.schemas';

/*
 * What the chat API answers, as the use cases' views give it (the JSON of docs/contract.md). These schemas
 * document the responses in OpenAPI; the API tests parse real responses with them, so the
 * document cannot drift from what the server sends. The views sockets send too (a message, a participant,
 * a read state, the error object) live in edge/chat-view.schemas.ts, shared with the AsyncAPI document.
 */

export { messageView, participantView, readState };

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
    members_can_pin: z.boolean().meta({
      description:
        'whether members may pin messages (admins always may; in a direct channel, both participants)',
    }),
    slow_mode_seconds: z
      .number()
      .int()
      .min(0)
      .meta({ description: '0: off; else one message per member (admins aside) per this many seconds' }),
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

export const pinnedMessages = z
  .strictObject({
    results: z
      .array(messageView)
      .meta({ description: `the most recently pinned first; at most ${MAX_PINS_PER_CHANNEL}` }),
  })
  .meta({ id: 'PinnedMessages' });

export const searchPage = z
  .strictObject({
    results: z.array(messageView).meta({ description: 'most recent first' }),
    next_cursor: z.string().nullable(),
  })
  .meta({ id: 'SearchPage' });

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
    error: errorObjectSchema,
  })
  .meta({ id: 'Error' });
