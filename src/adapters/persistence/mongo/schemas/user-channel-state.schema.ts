import { Schema } from 'mongoose';
import type { UserChannelState } from '../../../../application/ports/read-state-repository.port';

export interface UserChannelStateDocument extends UserChannelState {
  /** membershipId(channel_id, user_id). */
  _id: string;
}

const nullableString = { type: String, default: null };

export const userChannelStateSchema = new Schema<UserChannelStateDocument>(
  {
    _id: { type: String, required: true },
    user_id: { type: String, required: true },
    channel_id: { type: String, required: true },
    last_read_message_id: { type: Number, default: null },
    last_read_seq: { type: Number, required: true },
    is_muted: { type: Boolean, required: true },
    unread_count: { type: Number, required: true },
    joined_at: { type: Date, required: true },
    channel_type: { type: String, required: true },
    host_application_id: nullableString,
    context_object_type: nullableString,
    context_object_id: nullableString,
    channel_last_seq: { type: Number, required: true },
    last_activity_at: { type: Date, required: true },
  },
  { collection: 'user_channel_states', versionKey: false, autoIndex: false, id: false },
);

// The caller's rows: all of them (totals), or those of the channels a view shows ({$in} on channel_id).
userChannelStateSchema.index({ user_id: 1, channel_id: 1 });
// A channel's members: unread-count refresh and the last-activity copy.
userChannelStateSchema.index({ channel_id: 1 });

/** One row per (channel, user): the pair as JSON, unambiguous whatever characters the ids hold. */
export function membershipId(channelId: string, userId: string): string {
  return JSON.stringify([channelId, userId]);
}

export function toUserChannelStateDocument(state: UserChannelState): UserChannelStateDocument {
  return { _id: membershipId(state.channel_id, state.user_id), ...state };
}

export function toUserChannelState(doc: UserChannelStateDocument): UserChannelState {
  return {
    user_id: doc.user_id,
    channel_id: doc.channel_id,
    last_read_message_id: doc.last_read_message_id,
    last_read_seq: doc.last_read_seq,
    is_muted: doc.is_muted,
    unread_count: doc.unread_count,
    joined_at: doc.joined_at,
    channel_type: doc.channel_type,
    host_application_id: doc.host_application_id,
    context_object_type: doc.context_object_type,
    context_object_id: doc.context_object_id,
    channel_last_seq: doc.channel_last_seq,
    last_activity_at: doc.last_activity_at,
  };
}
