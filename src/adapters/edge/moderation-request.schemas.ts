import { z } from 'zod';
import { MAX_SLOW_MODE_SECONDS } from '../../domain/moderation/channel-moderation';
import { text, userId } from './chat-request.schemas';

/*
 * What the moderation and blocking routes accept (chat API and admin API), as strict zod objects,
 * like chat-request.schemas.ts: shape and type here, the rules (an end in the future, not oneself …)
 * in the domain.
 */

const until = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value))
  .nullish()
  .meta({
    description: 'ISO 8601, in the future; absent or null: until lifted',
    example: '2030-01-01T00:00:00Z',
  });
const reason = text(500).nullish().meta({ description: '1-500 characters' });

export const userParams = z.strictObject({ user_id: userId });

export const channelBanBody = z
  .strictObject({ user_id: userId, until, reason })
  .meta({ id: 'ChannelBanRequest' });

export const channelMuteBody = z
  .strictObject({ user_id: userId, until, reason })
  .meta({ id: 'ChannelMuteRequest' });

export const tenantBanBody = z.strictObject({ until, reason }).meta({ id: 'TenantBanRequest' });

export const flagMessageBody = z
  .strictObject({ reason: text(500).meta({ description: 'why, 1-500 characters' }) })
  .meta({ id: 'FlagMessageRequest' });

export const blockUserBody = z.strictObject({ user_id: userId }).meta({ id: 'BlockUserRequest' });

/** `PATCH channels/{id}/`: the name, slow mode, or both. */
export const updateChannelBody = z
  .strictObject({
    name: text(200).optional(),
    slow_mode_seconds: z
      .number()
      .int()
      .min(0)
      .max(MAX_SLOW_MODE_SECONDS)
      .optional()
      .meta({
        description: `0 (off) to ${MAX_SLOW_MODE_SECONDS}: one message per member per this many seconds`,
      }),
    members_can_pin: z.boolean().optional().meta({
      description: 'whether members may pin messages as admins do (admins always may)',
    }),
  })
  .refine(
    (body) =>
      body.name !== undefined || body.slow_mode_seconds !== undefined || body.members_can_pin !== undefined,
    { message: 'give name, slow_mode_seconds, members_can_pin or several' },
  )
  .meta({ id: 'UpdateChannelRequest' });

export const listFlagsQuery = z.strictObject({
  limit: z
    .string()
    .regex(/^\d{1,3}$/, 'must be a positive integer (digits only)')
    .transform(Number)
    .pipe(z.number().int().min(1).max(100))
    .optional()
    .meta({ description: '1-100, default 50' }),
  cursor: z.string().max(512).optional().meta({ description: 'next_cursor of the previous page' }),
  channel_id: z.uuid().optional().meta({ description: 'only the flags of this channel' }),
});
