import { Channel } from '../../domain/channel/channel.entity';
import { Participant } from '../../domain/participant/participant';
import { ReadPointer } from '../../domain/read/read-pointer';
import { unreadCount } from '../../domain/read/unread';
import { ReadStateRepository, UserChannelState } from '../ports/read-state-repository.port';
import { CallerChannelState } from '../views/channel.view';

/**
 * The read state of a new membership. A participant added to a channel with history starts with
 * everything read, as in Slack: joining is not a reason to be shown hundreds of unread messages.
 * The channel's first participants start at the beginning, which is the same thing.
 */
export function newMembershipState(channel: Channel, participant: Participant): UserChannelState {
  const c = channel.toPrimitives();
  return {
    user_id: participant.userId,
    channel_id: c.id,
    last_read_message_id: c.last_message_id,
    last_read_seq: c.last_message_seq,
    is_muted: false,
    unread_count: 0,
    joined_at: participant.joinedAt,
    channel_type: c.channel_type,
    host_application_id: c.host_application_id,
    context_object_type: c.context_object_type,
    context_object_id: c.context_object_id,
    channel_last_seq: c.last_message_seq,
    last_activity_at: c.last_message_at ?? c.created_at,
  };
}

/** The stored state, created first if missing (a crash between two writes can leave it missing). */
export async function ensureMembershipState(
  readStates: ReadStateRepository,
  channel: Channel,
  participant: Participant,
): Promise<UserChannelState> {
  const existing = await readStates.find(participant.userId, channel.id);
  if (existing) return existing;
  await readStates.create(newMembershipState(channel, participant));
  return (await readStates.find(participant.userId, channel.id)) ?? newMembershipState(channel, participant);
}

export function pointerOf(state: UserChannelState): ReadPointer {
  return ReadPointer.fromPrimitives(state.last_read_message_id, state.last_read_seq);
}

/**
 * The caller's part of a channel view, with the unread count computed from the channel's own seq.
 * A channel whose last message is the caller's own reads as read up to it: sending moves the sender's
 * pointer, and the stored pointer catches up in the send's follow-up job (CompleteSend).
 */
export function callerStateIn(
  channel: Channel,
  state: UserChannelState | null,
  lastMessage: { id: number; seq: number; user_id: string } | null = null,
): CallerChannelState {
  let pointer = state ? pointerOf(state) : ReadPointer.start();
  if (state && lastMessage?.user_id === state.user_id && pointer.seq < lastMessage.seq)
    pointer = ReadPointer.at(lastMessage.id, lastMessage.seq);
  return {
    unread_count: unreadCount(channel.lastMessageSeq, pointer),
    last_read_message_id: pointer.messageId,
    is_muted: state?.is_muted ?? false,
  };
}
