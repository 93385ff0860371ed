import { ChannelType } from '../../domain/channel/channel-type';
import { ParticipantRole } from '../../domain/participant/participant-role';
import { UserType } from '../../domain/user/user-type';
import { MessageView } from '../views/message.view';

/*
 * The lines of an export (NDJSON: one record per line, docs/contract.md "Data rights"). Field names
 * and values are those of the REST API's objects, so a consumer parses one vocabulary.
 */

export interface TenantRecord {
  type: 'tenant';
  slug: string;
  name: string;
  created_at: string;
  exported_at: string;
}

export interface ChannelRecord {
  type: 'channel';
  id: string;
  channel_type: ChannelType;
  name: string | null;
  host_application_id: string | null;
  context_object_type: string | null;
  context_object_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  last_message_id: number | null;
  last_message_at: string | null;
}

export interface ParticipantRecord {
  type: 'participant';
  channel_id: string;
  user_id: string;
  role: ParticipantRole;
  user_type: UserType;
  joined_at: string;
}

/** One channel of the user, with their role in it (user exports; the other participants are not theirs). */
export interface MembershipRecord extends Omit<ChannelRecord, 'type' | 'id'> {
  type: 'membership';
  channel_id: string;
  role: ParticipantRole;
  user_type: UserType;
  joined_at: string;
}

export interface MessageRecord extends MessageView {
  type: 'message';
}

export interface ReadStateRecord {
  type: 'read_state';
  channel_id: string;
  user_id: string;
  last_read_message_id: number | null;
  unread_count: number;
  is_muted: boolean;
}

export interface ReceiptRecord {
  type: 'receipt';
  channel_id: string;
  user_id: string;
  /** The user read the messages with from_seq < seq <= to_seq at read_at (one pointer advance). */
  from_seq: number;
  to_seq: number;
  to_message_id: number;
  read_at: string;
}

export interface UserRecord {
  type: 'user';
  user_id: string;
  name: string | null;
  user_type: UserType | null;
  updated_at: string | null;
}

export const EXPORT_COUNTED = [
  'channels',
  'participants',
  'memberships',
  'messages',
  'read_states',
  'receipts',
  'users',
] as const;
export type ExportCounts = Record<(typeof EXPORT_COUNTED)[number], number>;

/** The last line of a complete export: how many lines of each type came before it. */
export interface EndRecord {
  type: 'end';
  counts: ExportCounts;
}

export type ExportRecord =
  | TenantRecord
  | ChannelRecord
  | ParticipantRecord
  | MembershipRecord
  | MessageRecord
  | ReadStateRecord
  | ReceiptRecord
  | UserRecord
  | EndRecord;
