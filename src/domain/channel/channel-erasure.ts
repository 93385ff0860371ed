import { Participant } from '../participant/participant';
import { successorOf } from './admin-succession';
import { Channel } from './channel.entity';
import { directKey } from './channel-keys';

/** What erasing a user changed in one channel. */
export interface ChannelErasure {
  /** The channel afterwards: without the user, its creator and direct pair naming the pseudonym. */
  channel: Channel;
  /** The user's participation, when they were a participant. */
  removed: Participant | null;
  /** Who became admin because the user was the last one (admin-succession.ts). */
  promoted: Participant | null;
  /** Whether created_by or direct_key named the user (they now name the pseudonym). */
  referencesChanged: boolean;
}

/**
 * Takes an erased user out of a channel. Unlike leaving, this works on direct channels too (the
 * other user keeps the channel and its history), and the channel's own fields stop naming the user:
 * `created_by` and a direct channel's pair key name the pseudonym instead. The last-admin succession
 * is the usual one. Null when the channel does not name the user at all.
 */
export function eraseUserFromChannel(
  channel: Channel,
  userId: string,
  pseudonym: string,
): ChannelErasure | null {
  const before = channel.toPrimitives();
  const removed = channel.participant(userId) ?? null;
  const created_by = before.created_by === userId ? pseudonym : before.created_by;
  const direct_key =
    before.channel_type === 'direct' ? renamedPair(before.direct_key, userId, pseudonym) : before.direct_key;
  const referencesChanged = created_by !== before.created_by || direct_key !== before.direct_key;
  if (!removed && !referencesChanged) return null;
  const promoted = removed ? (successorOf(removed, channel.participants)?.withRole('admin') ?? null) : null;
  const participants = channel.participants
    .filter((p) => p.userId !== userId)
    .map((p) => (p.userId === promoted?.userId ? promoted : p).toPrimitives());
  return {
    channel: Channel.fromPrimitives({ ...before, created_by, direct_key, participants }),
    removed,
    promoted,
    referencesChanged,
  };
}

/** The direct pair key with `userId` replaced by `pseudonym` (unchanged when it does not name them). */
function renamedPair(key: string, userId: string, pseudonym: string): string {
  const pair = JSON.parse(key) as [string, string];
  if (!pair.includes(userId)) return key;
  const [a, b] = pair.map((id) => (id === userId ? pseudonym : id));
  return directKey(a, b);
}
