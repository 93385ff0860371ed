import { z } from 'zod';
import { CHANNEL_TYPES } from '../../domain/channel/channel-type';
import { CONTENT_TYPES } from '../../domain/message/content-type';
import { PARTICIPANT_ROLES } from '../../domain/participant/participant-role';
import { REACTION_EMOJI } from '../../domain/reaction/reaction-emoji';
import { codePointLength } from '../../domain/shared/text';
import { TENANT_SLUG_PATTERN } from '../../domain/tenant/tenant-slug';
import { USER_TYPES } from '../../domain/user/user-type';

/*
 * What the chat API accepts: every path parameter, query string and body, as strict zod objects;
 * socket events take the same bodies (`chat.message` is send_message's, `message.read` mark_read's).
 * Unknown keys (mass assignment, `$` operators, `__proto__`) and objects where strings are expected
 * are refused with 400 (an error ack on a socket) before a use case runs. The same schemas generate
 * the OpenAPI document.
 * Shape and type are checked here; the domain still owns the rules (a group needs a name …).
 */

/** A string of at most `max` characters, counted in code points as the domain counts them. */
export function text(max: number) {
  return z
    .string()
    .refine((value) => codePointLength(value) <= max, `must be at most ${max} characters`)
    .meta({ maxLength: max });
}

export const userId = text(128)
  .min(1)
  .meta({ description: 'an opaque user id of the host application', example: 'bob' });
export const messageId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).meta({ example: 42 });
/** Query strings carry ids and numbers as digits only: no signs, exponents or leading zeros. */
const digits = (pattern: RegExp, example: string) =>
  z.string().regex(pattern, 'must be a positive integer (digits only)').transform(Number).meta({ example });
const messageIdQuery = digits(/^[1-9]\d{0,14}$/, '42').pipe(messageId);
/** `after=0` is "from the start": every id is above 0, so a client that holds nothing pages forward. */
const afterQuery = digits(/^(0|[1-9]\d{0,14})$/, '42').pipe(
  z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
);
const limitQuery = digits(/^\d{1,3}$/, '50').pipe(z.number().int().min(1).max(100));
const limit = z.number().int().min(1).max(100).meta({ description: '1-100, default 50' });
const contextField = text(256).min(1);

/** A tenant slug, by the domain's rule (TenantSlug). */
export const tenantSlug = z.string().regex(TENANT_SLUG_PATTERN, `must match ${TENANT_SLUG_PATTERN.source}`);

export const tenantParams = z.strictObject({
  tenant: tenantSlug.meta({
    description: 'the tenant slug; must equal the token’s `tenant` claim',
    example: 'acme',
  }),
});
export const channelParams = z.strictObject({
  id: z.uuid().meta({ description: 'channel id (UUID)', example: '3f0e8a4c-1b2d-4e5f-8a9b-0c1d2e3f4a5b' }),
});
export const messageParams = channelParams.extend({ message_id: messageIdQuery });
export const participantParams = channelParams.extend({ user_id: userId });

export const listChannelsQuery = z.strictObject({
  channel_type: z.enum(CHANNEL_TYPES).optional(),
  host_application_id: contextField.optional(),
  context_object_type: contextField.optional(),
  context_object_id: contextField.optional(),
  limit: limitQuery.optional().meta({ description: '1-100, default 50' }),
  cursor: z.string().max(512).optional().meta({ description: 'next_cursor of the previous page' }),
});

export const listMessagesQuery = z.strictObject({
  before: messageIdQuery.optional().meta({ description: 'only messages with a smaller id (exclusive)' }),
  after: afterQuery.optional().meta({
    description: 'only messages with a larger id (exclusive); 0 pages forward from the first message',
  }),
  limit: limitQuery.optional().meta({ description: '1-100, default 50' }),
  parent_id: messageIdQuery.optional().meta({ description: 'only the replies of this message’s thread' }),
});

/** An ISO 8601 date-time in a query string, as a Date. */
const dateQuery = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value))
  .meta({ example: '2026-12-01T00:00:00Z' });

export const searchQuery = z.strictObject({
  q: text(200).min(1).meta({
    description: 'the words to find (all of them), case- and accent-insensitive',
    example: 'invoice march',
  }),
  channel_id: z.uuid().optional().meta({ description: 'only this channel (one of the caller’s)' }),
  user_id: userId.optional().meta({ description: 'only this sender’s messages' }),
  from: dateQuery.optional().meta({ description: 'only messages sent at or after this time' }),
  to: dateQuery.optional().meta({ description: 'only messages sent before this time' }),
  limit: limitQuery.optional().meta({ description: '1-100, default 50' }),
  cursor: messageIdQuery.optional().meta({ description: 'next_cursor of the previous page' }),
});

export const centralizedQuery = z.strictObject({
  include_muted: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .meta({ description: 'count muted channels in the totals (default false; they are listed either way)' }),
});

const participantInput = z.strictObject({
  user_id: userId,
  role: z.enum(PARTICIPANT_ROLES).optional(),
  user_type: z.enum(USER_TYPES).optional(),
});

export const createChannelBody = z
  .strictObject({
    channel_type: z.enum(CHANNEL_TYPES),
    name: text(200).nullish().meta({ description: 'required for group channels' }),
    participant_ids: z.array(userId).max(1000).nullish(),
    participants: z.array(participantInput).max(1000).nullish(),
    host_application_id: contextField.nullish(),
    context_object_type: contextField.nullish(),
    context_object_id: contextField.nullish(),
  })
  .meta({ id: 'CreateChannelRequest' });

export const sendMessageBody = z
  .strictObject({
    content: text(10_000)
      .nullish()
      .meta({ description: '1-10,000 characters, optional when file_url is given' }),
    content_type: z.enum(CONTENT_TYPES).nullish(),
    file_url: z.string().max(2048).nullish().meta({ description: 'an http(s) URL' }),
    parent_id: messageId.nullish().meta({ description: 'reply in this message’s thread' }),
    client_message_id: text(128)
      .nullish()
      .meta({ description: 'idempotency key: a repeat returns the first message' }),
  })
  .meta({ id: 'SendMessageRequest' });

export const editMessageBody = z.strictObject({ content: text(10_000) }).meta({ id: 'EditMessageRequest' });

export const markReadBody = z
  .strictObject({ message_id: messageId.nullish().meta({ description: 'default: the latest message' }) })
  .meta({ id: 'MarkReadRequest' });

export const centralizedBody = z
  .strictObject({
    limit: limit.nullish(),
    include_muted: z.boolean().nullish().meta({
      description: 'count muted channels in the totals (default false; they are listed either way)',
    }),
  })
  .meta({ id: 'CentralizedViewRequest' });

export const addParticipantBody = participantInput.meta({ id: 'AddParticipantRequest' });

export const addParticipantsBody = z
  .strictObject({
    participants: z
      .array(participantInput)
      .min(1)
      .max(100)
      .meta({ description: '1-100 users, each at most once; all are added or none' }),
  })
  .meta({ id: 'AddParticipantsRequest' });

export const changeRoleBody = z
  .strictObject({ role: z.enum(PARTICIPANT_ROLES) })
  .meta({ id: 'ChangeRoleRequest' });

/** One of the supported short codes (domain/reaction/reaction-emoji.ts lists each with its glyph). */
export const reactionEmoji = z.enum(REACTION_EMOJI).meta({
  description: 'a supported short code: ' + REACTION_EMOJI.map((e) => `\`${e}\``).join(', '),
  example: '+1',
});

export const reactionBody = z.strictObject({ emoji: reactionEmoji }).meta({ id: 'ReactionRequest' });

export const pinBody = z
  .strictObject({ message_id: messageId.meta({ description: 'the message of this channel to pin' }) })
  .meta({ id: 'PinRequest' });
