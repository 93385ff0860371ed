import { Channel } from '../../domain/channel/channel.entity';
import { ReadStateRepository, UserChannelState } from '../ports/read-state-repository.port';
import { ChannelPosition, UnreadTotal, UnreadTotals } from '../ports/unread-totals.port';

/** A membership row's position in its channel, with the channel's own last seq (the freshest known). */
export function positionIn(channel: Channel, row: UserChannelState): ChannelPosition {
  return {
    user_id: row.user_id,
    channel_id: row.channel_id,
    last_seq: Math.max(channel.lastMessageSeq, row.channel_last_seq),
    read_seq: row.last_read_seq,
    is_muted: row.is_muted,
  };
}

/**
 * Records the positions and returns every user's total, seeding (from all of their membership rows)
 * the users the store knew nothing of: a new user, or one whose totals Redis lost.
 */
export async function seededTotals(
  totals: UnreadTotals,
  readStates: ReadStateRepository,
  positions: readonly ChannelPosition[],
): Promise<Map<string, KnownTotal>> {
  const known = new Map<string, KnownTotal>();
  for (const [userId, { total, changed }] of await totals.record(positions)) {
    if (total !== null) known.set(userId, { total, changed });
    else {
      const all = (await readStates.listByUser(userId)).map(rowPosition);
      known.set(userId, { total: await totals.seed(userId, all), changed });
    }
  }
  return known;
}

export interface KnownTotal extends UnreadTotal {
  total: number;
}

/** A row's position from what the row itself records of its channel. */
function rowPosition(row: UserChannelState): ChannelPosition {
  return {
    user_id: row.user_id,
    channel_id: row.channel_id,
    last_seq: row.channel_last_seq,
    read_seq: row.last_read_seq,
    is_muted: row.is_muted,
  };
}
