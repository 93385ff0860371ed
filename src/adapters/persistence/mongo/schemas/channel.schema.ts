import { Schema } from 'mongoose';
import type { ChannelListing } from '../../../../application/ports/channel-repository.port';
import { Channel, type ChannelPrimitives } from '../../../../domain/channel/channel.entity';
import type { ChannelModerationPrimitives } from '../../../../domain/moderation/channel-moderation';
import type { ParticipantPrimitives } from '../../../../domain/participant/participant';
import { toMessage, type MessageDocument } from './message.schema';

export interface ChannelDocument extends Omit<ChannelPrimitives, 'id' | 'moderation'> {
  _id: string;
  /**
   * Bumped by every change of `participants`. Participant changes rewrite the whole array (FerretDB
   * v1 neither traverses arrays in dot-notation filters nor supports `$[]`, `$` or `$pull` by
   * condition), and this revision guards that rewrite (compare-and-set), so it is atomic on MongoDB too.
   */
  participants_rev: number;
  /**
   * The participants' user ids, written with `participants` in the same update: a user's channels
   * are `{member_ids: userId}`, a top-level equality that FerretDB v1 pushes down to its storage
   * (it does not traverse `participants.user_id`) and a multikey index serves on MongoDB.
   */
  member_ids: string[];
  /** last_message_at, or created_at while there is no message: the inbox order. */
  last_activity_at: Date;
  /** A copy of the last message in its current state (edits, deletion), so the inbox reads no messages. */
  last_message: MessageDocument | null;
  /**
   * Bans, mutes, slow mode and direct-channel blocks: on the channel so that the node's memory of a
   * channel (read with its participants, one lookup) answers a send without another read. Absent on
   * channels stored before moderation existed (none).
   */
  moderation?: ChannelModerationPrimitives | null;
}

const participantSchema = new Schema<ParticipantPrimitives>(
  {
    user_id: { type: String, required: true },
    role: { type: String, required: true },
    user_type: { type: String, required: true },
    joined_at: { type: Date, required: true },
  },
  { _id: false },
);

const nullableString = { type: String, default: null };

export const channelSchema = new Schema<ChannelDocument>(
  {
    _id: { type: String, required: true },
    channel_type: { type: String, required: true },
    name: nullableString,
    host_application_id: nullableString,
    context_object_type: nullableString,
    context_object_id: nullableString,
    direct_key: { type: String, required: true },
    context_key: { type: String, required: true },
    participants: { type: [participantSchema], default: [] },
    participants_rev: { type: Number, default: 0 },
    member_ids: { type: [String], default: [] },
    created_by: { type: String, required: true },
    created_at: { type: Date, required: true },
    updated_at: { type: Date, required: true },
    last_message_id: { type: Number, default: null },
    last_message_seq: { type: Number, default: 0 },
    last_message_at: { type: Date, default: null },
    last_activity_at: { type: Date, required: true },
    // Mixed: stored as written; a nested messageSchema would bring its indexes along.
    last_message: { type: Schema.Types.Mixed, default: null },
    members_can_pin: { type: Boolean, default: false },
    moderation: { type: Schema.Types.Mixed, default: null },
  },
  { collection: 'channels', versionKey: false, autoIndex: false, id: false },
);

// One direct channel per pair, one contextual channel per context. Every channel has both keys
// (its own id when a key does not apply, domain/channel/channel-keys.ts): FerretDB v1 has no
// partial or sparse indexes.
channelSchema.index({ direct_key: 1 }, { unique: true });
channelSchema.index({ context_key: 1 }, { unique: true });
// The id counter's seed when Redis lost it (highestRecordedId): an index scan on MongoDB.
channelSchema.index({ last_message_id: -1 });
// The inbox: a user's channels, newest activity first, read in index order up to the page's limit.
channelSchema.index({ member_ids: 1, last_activity_at: -1, _id: -1 });
// The inbox filtered by context, which is selective where the order index is not (a host lists the
// channels of one object among thousands). No last_activity_at here: each send rewrites that key
// once per member in every index holding it; the few matches are sorted after the lookup.
channelSchema.index({ member_ids: 1, host_application_id: 1, context_object_type: 1, context_object_id: 1 });
// The channels a user created, also those they left: their erasure (data rights) rewrites created_by.
// Never changes after creation, so MongoDB never rewrites this key on the channel's frequent updates.
channelSchema.index({ created_by: 1 });

export function toChannelDocument(channel: Channel): ChannelDocument {
  const { id, ...rest } = channel.toPrimitives();
  return {
    _id: id,
    ...rest,
    participants_rev: 0,
    member_ids: memberIdsOf(rest.participants),
    last_activity_at: channel.lastActivityAt,
    last_message: null,
  };
}

export function memberIdsOf(participants: readonly ParticipantPrimitives[]): string[] {
  return participants.map((p) => p.user_id);
}

export function toChannel(doc: ChannelDocument): Channel {
  return Channel.fromPrimitives({
    id: doc._id,
    channel_type: doc.channel_type,
    name: doc.name,
    host_application_id: doc.host_application_id,
    context_object_type: doc.context_object_type,
    context_object_id: doc.context_object_id,
    direct_key: doc.direct_key,
    context_key: doc.context_key,
    participants: doc.participants.map(toParticipant),
    created_by: doc.created_by,
    created_at: doc.created_at,
    updated_at: doc.updated_at,
    last_message_id: doc.last_message_id,
    last_message_seq: doc.last_message_seq,
    last_message_at: doc.last_message_at,
    members_can_pin: doc.members_can_pin ?? false,
    moderation: doc.moderation ?? undefined,
  });
}

export function toChannelListing(doc: ChannelDocument): ChannelListing {
  return { channel: toChannel(doc), lastMessage: doc.last_message ? toMessage(doc.last_message) : null };
}

/** Exactly the primitives' fields, whatever else a stored subdocument carries. */
function toParticipant(p: ParticipantPrimitives): ParticipantPrimitives {
  return { user_id: p.user_id, role: p.role, user_type: p.user_type, joined_at: p.joined_at };
}
