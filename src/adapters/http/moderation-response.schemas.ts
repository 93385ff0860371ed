import { z } from 'zod';
import { messageView, timestamp } from '../edge/chat-view.schemas';

/* What the moderation and blocking routes answer (docs/contract.md, "Moderation" and "Blocking"). */

export const channelRestrictionView = z
  .strictObject({
    channel_id: z.uuid(),
    user_id: z.string(),
    until: timestamp.nullable().meta({ description: 'null: until lifted' }),
    reason: z.string().nullable(),
    created_by: z.string().meta({ description: 'the admin who decided it' }),
    created_at: timestamp,
  })
  .meta({ id: 'ChannelRestriction' });

export const channelRestrictionList = z
  .strictObject({ results: z.array(channelRestrictionView) })
  .meta({ id: 'ChannelRestrictionList' });

export const tenantBanView = z
  .strictObject({
    user_id: z.string(),
    until: timestamp.nullable().meta({ description: 'null: until lifted' }),
    reason: z.string().nullable(),
    created_at: timestamp,
  })
  .meta({ id: 'TenantBan' });

export const tenantBanList = z
  .strictObject({ results: z.array(tenantBanView) })
  .meta({ id: 'TenantBanList' });

export const flagView = z
  .strictObject({
    id: z.uuid(),
    channel_id: z.uuid(),
    message_id: z.number().int().min(1),
    message: messageView,
    flagged_by: z.string(),
    reason: z.string(),
    created_at: timestamp,
  })
  .meta({ id: 'Flag' });

export const flagList = z
  .strictObject({ results: z.array(flagView), next_cursor: z.string().nullable() })
  .meta({ id: 'FlagList' });

export const blockView = z
  .strictObject({ user_id: z.string().meta({ description: 'the blocked user' }), created_at: timestamp })
  .meta({ id: 'Block' });

export const blockList = z.strictObject({ results: z.array(blockView) }).meta({ id: 'BlockList' });
