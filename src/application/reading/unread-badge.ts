import { Channel } from '../../domain/channel/channel.entity';
import { ChannelRepository } from '../ports/channel-repository.port';
import { ReadStateRepository, UserChannelState } from '../ports/read-state-repository.port';
import { ChannelPosition, UnreadTotal, UnreadTotals } from '../ports/unread-totals.port';

/** A membership row's position in its channel, with the channel's own last seq (the freshest known). */
export function positionIn(channel: Channel, row: UserChannelState): ChannelPosition {
  return {
    user_id: row.user_id,
    channel_id: row.channel_id,
    last_seq: channel.lastMessageSeq,
    read_seq: row.last_read_seq,
    is_muted: row.is_muted,
  };
}

/** Where a user's badge is seeded from: every channel of theirs and their rows. */
export interface BadgeSources {
  channels: ChannelRepository;
  readStates: ReadStateRepository;
}

/**
 * Records the positions and returns every user's total, seeding (from all of their channels and
 * rows: two reads) the users the store knew nothing of: a new user, or one whose totals Redis lost.
 */
export async function seededTotals(
  totals: UnreadTotals,
  sources: BadgeSources,
  positions: readonly ChannelPosition[],
): Promise<Map<string, KnownTotal>> {
  const known = new Map<string, KnownTotal>();
  for (const [userId, { total, changed }] of await totals.record(positions)) {
    if (total !== null) known.set(userId, { total, changed });
    else
      known.set(userId, { total: await totals.seed(userId, await allPositions(sources, userId)), changed });
  }
  return known;
}

export interface KnownTotal extends UnreadTotal {
  total: number;
}

async function allPositions(
  { channels, readStates }: BadgeSources,
  userId: string,
): Promise<ChannelPosition[]> {
  const [listings, rows] = await Promise.all([channels.listByMember(userId), readStates.findByUser(userId)]);
  const byChannel = new Map(rows.map((row) => [row.channel_id, row]));
  return listings.map(({ channel }) => {
    const row = byChannel.get(channel.id);
    return {
      user_id: userId,
      channel_id: channel.id,
      last_seq: channel.lastMessageSeq,
      read_seq: row?.last_read_seq ?? 0,
      is_muted: row?.is_muted ?? false,
    };
  });
}
