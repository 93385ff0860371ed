import { Channel } from '../../domain/channel/channel.entity';
import { ChannelType } from '../../domain/channel/channel-type';
import { Participant } from '../../domain/participant/participant';
import { ParticipantRole } from '../../domain/participant/participant-role';
import { UserType } from '../../domain/user/user-type';
import { MessageView } from './message.view';

export interface ParticipantView {
  user_id: string;
  role: ParticipantRole;
  user_type: UserType;
  joined_at: string;
}

/** The caller's own state in a channel. */
export interface CallerChannelState {
  unread_count: number;
  last_read_message_id: number | null;
  is_muted: boolean;
}

/** A channel as docs/contract.md shows it; the last three fields are the caller's. */
export interface ChannelView extends CallerChannelState {
  id: string;
  channel_type: ChannelType;
  name: string | null;
  host_application_id: string | null;
  context_object_type: string | null;
  context_object_id: string | null;
  participants: ParticipantView[];
  created_by: string;
  created_at: string;
  updated_at: string;
  last_message: MessageView | null;
  /** Whether members may pin messages (admins always may; in a direct channel, both participants). */
  members_can_pin: boolean;
  /** 0: off; else each member but admins sends at most one message per this many seconds. */
  slow_mode_seconds: number;
}

export function toParticipantView(participant: Participant): ParticipantView {
  const p = participant.toPrimitives();
  return { user_id: p.user_id, role: p.role, user_type: p.user_type, joined_at: p.joined_at.toISOString() };
}

export function toChannelView(
  channel: Channel,
  lastMessage: MessageView | null,
  caller: CallerChannelState,
): ChannelView {
  const c = channel.toPrimitives();
  return {
    id: c.id,
    channel_type: c.channel_type,
    name: c.name,
    host_application_id: c.host_application_id,
    context_object_type: c.context_object_type,
    context_object_id: c.context_object_id,
    participants: channel.participants.map(toParticipantView),
    created_by: c.created_by,
    created_at: c.created_at.toISOString(),
    updated_at: c.updated_at.toISOString(),
    last_message: lastMessage,
    members_can_pin: channel.membersCanPin,
    slow_mode_seconds: channel.moderation.slowModeSeconds,
    unread_count: caller.unread_count,
    last_read_message_id: caller.last_read_message_id,
    is_muted: caller.is_muted,
  };
}
