import { Schema } from 'mongoose';
import type { MessageFlagPrimitives } from '../../../../domain/moderation/message-flag';
import type { RestrictionPrimitives } from '../../../../domain/moderation/restriction';
import type { UserBlockPrimitives } from '../../../../domain/moderation/user-block';

/*
 * The tenant's moderation collections besides the channels' own field: flags, blocks, tenant bans.
 * Each uniqueness rests on `_id` or a unique index on an always-present key (FerretDB v1 has neither
 * transactions nor partial indexes), and each query is an equality FerretDB pushes down.
 */

export interface MessageFlagDocument extends Omit<MessageFlagPrimitives, 'id'> {
  _id: string;
  /** flagKey(message, participant): one flag per pair, whatever concurrent requests race. */
  flag_key: string;
}

export const messageFlagSchema = new Schema<MessageFlagDocument>(
  {
    _id: { type: String, required: true },
    flag_key: { type: String, required: true },
    channel_id: { type: String, required: true },
    message_id: { type: Number, required: true },
    // Mixed: stored as written; a nested messageSchema would bring its indexes along.
    message: { type: Schema.Types.Mixed, required: true },
    flagged_by: { type: String, required: true },
    reason: { type: String, required: true },
    created_at: { type: Date, required: true },
  },
  { collection: 'message_flags', versionKey: false, autoIndex: false, id: false },
);

messageFlagSchema.index({ flag_key: 1 }, { unique: true });
// The admin list, newest first (MongoDB walks it; FerretDB v1 sorts the tenant's flags in memory).
messageFlagSchema.index({ created_at: -1, _id: -1 });
// The admin list of one channel.
messageFlagSchema.index({ channel_id: 1, created_at: -1 });

export function flagKey(messageId: number, userId: string): string {
  return JSON.stringify([messageId, userId]);
}

export interface UserBlockDocument extends UserBlockPrimitives {
  /** blockId(blocker, blocked). */
  _id: string;
}

export const userBlockSchema = new Schema<UserBlockDocument>(
  {
    _id: { type: String, required: true },
    blocker_id: { type: String, required: true },
    blocked_id: { type: String, required: true },
    created_at: { type: Date, required: true },
  },
  { collection: 'user_blocks', versionKey: false, autoIndex: false, id: false },
);

// A user's blocks: their list, and what their views flag.
userBlockSchema.index({ blocker_id: 1 });

export function blockId(blockerId: string, blockedId: string): string {
  return JSON.stringify([blockerId, blockedId]);
}

export interface TenantBanDocument extends Omit<RestrictionPrimitives, 'user_id'> {
  /** The user id: one ban per user. */
  _id: string;
}

export const tenantBanSchema = new Schema<TenantBanDocument>(
  {
    _id: { type: String, required: true },
    until: { type: Date, default: null },
    reason: { type: String, default: null },
    created_by: { type: String, required: true },
    created_at: { type: Date, required: true },
  },
  { collection: 'tenant_bans', versionKey: false, autoIndex: false, id: false },
);
