import { Channel } from '../../domain/channel/channel.entity';
import { Message } from '../../domain/message/message.entity';
import { Participant } from '../../domain/participant/participant';
import { ReadReceiptRange } from '../../domain/read/read-receipt';
import { Tenant } from '../../domain/tenant/tenant';
import { UserProfile } from '../../domain/user/user-profile';
import { UserChannelState } from '../ports/read-state-repository.port';
import { callerStateIn } from '../reading/membership-state';
import { toParticipantView } from '../views/channel.view';
import { toMessageView } from '../views/message.view';
import {
  ChannelRecord,
  EndRecord,
  EXPORT_COUNTED,
  ExportCounts,
  ExportRecord,
  MembershipRecord,
  MessageRecord,
  ParticipantRecord,
  ReadStateRecord,
  ReceiptRecord,
  TenantRecord,
  UserRecord,
} from './export-records';

/* The records of an export, made from the domain's objects, and the tally of the `end` line. */

const COUNTED_AS: Partial<Record<ExportRecord['type'], keyof ExportCounts>> = {
  channel: 'channels',
  participant: 'participants',
  membership: 'memberships',
  message: 'messages',
  read_state: 'read_states',
  receipt: 'receipts',
  user: 'users',
};

/** Counts the records of an export as they go by, for its `end` line. */
export class ExportTally {
  private readonly counts = Object.fromEntries(EXPORT_COUNTED.map((k) => [k, 0])) as ExportCounts;

  count<R extends ExportRecord>(record: R): R {
    const key = COUNTED_AS[record.type];
    if (key) this.counts[key] += 1;
    return record;
  }

  end(): EndRecord {
    return { type: 'end', counts: { ...this.counts } };
  }
}

export function tenantRecord(tenant: Tenant, now: Date): TenantRecord {
  const { slug, name, created_at } = tenant;
  return { type: 'tenant', slug, name, created_at: created_at.toISOString(), exported_at: now.toISOString() };
}

export function channelRecord(channel: Channel): ChannelRecord {
  const c = channel.toPrimitives();
  return {
    type: 'channel',
    id: c.id,
    ...channelFields(channel),
  };
}

export function membershipRecord(channel: Channel, participant: Participant): MembershipRecord {
  const { role, user_type, joined_at } = toParticipantView(participant);
  return {
    type: 'membership',
    channel_id: channel.id,
    ...channelFields(channel),
    role,
    user_type,
    joined_at,
  };
}

export function participantRecord(channel: Channel, participant: Participant): ParticipantRecord {
  return { type: 'participant', channel_id: channel.id, ...toParticipantView(participant) };
}

export function messageRecord(message: Message): MessageRecord {
  return { type: 'message', ...toMessageView(message) };
}

/** The stored pointer and mute flag, with the unread count the views derive from them. */
export function readStateRecord(channel: Channel, state: UserChannelState): ReadStateRecord {
  const { channel_id, user_id } = state;
  return { type: 'read_state', channel_id, user_id, ...callerStateIn(channel, state) };
}

export function receiptRecord(range: ReadReceiptRange): ReceiptRecord {
  const { channel_id, user_id, from_seq, to_seq, to_message_id, read_at } = range;
  return {
    type: 'receipt',
    channel_id,
    user_id,
    from_seq,
    to_seq,
    to_message_id,
    read_at: read_at.toISOString(),
  };
}

export function userRecord(userId: string, profile: UserProfile | null): UserRecord {
  return {
    type: 'user',
    user_id: userId,
    name: profile?.name ?? null,
    user_type: profile?.user_type ?? null,
    updated_at: profile?.updated_at.toISOString() ?? null,
  };
}

function channelFields(channel: Channel): Omit<ChannelRecord, 'type' | 'id'> {
  const c = channel.toPrimitives();
  return {
    channel_type: c.channel_type,
    name: c.name,
    host_application_id: c.host_application_id,
    context_object_type: c.context_object_type,
    context_object_id: c.context_object_id,
    created_by: c.created_by,
    created_at: c.created_at.toISOString(),
    updated_at: c.updated_at.toISOString(),
    last_message_id: c.last_message_id,
    last_message_at: c.last_message_at?.toISOString() ?? null,
  };
}
