import { z } from 'zod';
import { EXPORT_COUNTED } from '../../application/data-rights/export-records';
import { CHANNEL_TYPES } from '../../domain/channel/channel-type';
import { PARTICIPANT_ROLES } from '../../domain/participant/participant-role';
import { ERASURE_MODES } from '../../domain/user/user-erasure';
import { USER_TYPES } from '../../domain/user/user-type';
import { errorObjectSchema, id, messageView, participantView, timestamp } from '../edge/chat-view.schemas';

/*
 * The lines of an export (application/x-ndjson) and the erasure's answer, for the OpenAPI document;
 * the API tests parse every line they receive with `exportLine`.
 */

const channelFields = {
  channel_type: z.enum(CHANNEL_TYPES),
  name: z.string().nullable(),
  host_application_id: z.string().nullable(),
  context_object_type: z.string().nullable(),
  context_object_id: z.string().nullable(),
  created_by: z.string(),
  created_at: timestamp,
  updated_at: timestamp,
  last_message_id: id.nullable(),
  last_message_at: timestamp.nullable(),
};

const line = <T extends string, S extends z.ZodRawShape>(type: T, shape: S, description: string) =>
  z.strictObject({ type: z.literal(type), ...shape }).meta({ description });

export const exportLine = z
  .discriminatedUnion('type', [
    line(
      'tenant',
      { slug: z.string(), name: z.string(), created_at: timestamp, exported_at: timestamp },
      'first line: the tenant and when the export started',
    ),
    line('channel', { id: z.uuid(), ...channelFields }, 'a channel (tenant export); its lines follow it'),
    line(
      'participant',
      { channel_id: z.uuid(), ...participantView.shape },
      'a participant of the channel above',
    ),
    line(
      'membership',
      {
        channel_id: z.uuid(),
        ...channelFields,
        role: z.enum(PARTICIPANT_ROLES),
        user_type: z.enum(USER_TYPES),
        joined_at: timestamp,
      },
      'a channel of the user, with their role (user export)',
    ),
    line('message', messageView.shape, 'a message (tombstones included), in seq order within a channel'),
    line(
      'read_state',
      {
        channel_id: z.uuid(),
        user_id: z.string(),
        last_read_message_id: id.nullable(),
        unread_count: z.number().int().min(0),
        is_muted: z.boolean(),
      },
      "a participant's read pointer and mute flag",
    ),
    line(
      'receipt',
      {
        channel_id: z.uuid(),
        user_id: z.string(),
        from_seq: z.number().int().min(0),
        to_seq: id,
        to_message_id: id,
        read_at: timestamp,
      },
      'one read-pointer advance: the user read the seqs in (from_seq, to_seq] at read_at',
    ),
    line(
      'user',
      {
        user_id: z.string(),
        name: z.string().nullable(),
        user_type: z.enum(USER_TYPES).nullable(),
        updated_at: timestamp.nullable(),
      },
      'a user profile (null fields: a user who never connected)',
    ),
    line(
      'end',
      { counts: z.strictObject(Object.fromEntries(EXPORT_COUNTED.map((k) => [k, z.number().int().min(0)]))) },
      'last line of a complete export: how many lines of each type it holds',
    ),
    line(
      'error',
      { error: errorObjectSchema },
      'last line of an export that failed midway (it is incomplete)',
    ),
  ])
  .meta({ id: 'ExportLine' });

export const erasureQuery = z.strictObject({
  messages: z
    .enum(ERASURE_MODES)
    .optional()
    .meta({
      description:
        '`tombstone` (default): the user’s messages lose their content and file, as deleted messages do; ' +
        '`anonymise`: they keep their content. Either way their author becomes a random `erased-…` pseudonym.',
    }),
});

export const erasureResult = z
  .strictObject({
    user_id: z.string(),
    mode: z.enum(ERASURE_MODES),
    channels_left: z.number().int().min(0),
    messages_erased: z.number().int().min(0),
    read_states_deleted: z.number().int().min(0),
    receipts_deleted: z.number().int().min(0),
    profile_deleted: z.boolean(),
  })
  .meta({ id: 'UserErasure', description: 'what this call changed (a repeat changes nothing: zeros)' });
