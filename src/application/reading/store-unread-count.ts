import { unreadCount } from '../../domain/read/unread';
import { ChannelRepository } from '../ports/channel-repository.port';
import { ReadStateRepository } from '../ports/read-state-repository.port';
import { pointerOf } from './membership-state';

/** Enough for any realistic burst of concurrent writers; each round is two reads and a write. */
const MAX_ROUNDS = 8;

/**
 * Stores a user's unread count computed from positions, then reads the positions again and stores
 * the recomputed count until a fresh read agrees with what is stored; returns the count stored last.
 *
 * Why: a count is computed from a channel's last seq and a pointer read a moment before; a send
 * or a mark_read landing in between makes it stale, and the last writer would win with it (two
 * unread-counts jobs of one channel, or a job and a mark_read, run concurrently). Since every writer
 * checks after its own last write, the last check of all sees the latest positions, so the count
 * is right once the queues drain. No atomic increment is involved (FerretDB v1 has none).
 */
export async function storeUnreadCount(
  channels: ChannelRepository,
  readStates: ReadStateRepository,
  userId: string,
  channelId: string,
  count: number,
): Promise<number> {
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    await readStates.setUnreadCount(userId, channelId, count);
    const [channel, state] = await Promise.all([
      channels.findById(channelId),
      readStates.find(userId, channelId),
    ]);
    if (!channel || !state) return count;
    const fresh = unreadCount(channel.lastMessageSeq, pointerOf(state));
    if (fresh === count && state.unread_count === count) return count;
    count = fresh;
  }
  return count;
}
