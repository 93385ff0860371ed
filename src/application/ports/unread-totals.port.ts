/** Where one user stands in one channel: what the unread count and the badge are derived from. */
export interface ChannelPosition {
  user_id: string;
  channel_id: string;
  /** The channel's last seq as the caller knows it. */
  last_seq: number;
  /** The user's read pointer seq. */
  read_seq: number;
  is_muted: boolean;
}

/**
 * Each user's unread total over the channels they have not muted (the badge of `unread.update`),
 * kept current per message without reading the user's other channels.
 *
 * Positions only move forward (a channel's last seq, a read pointer), so recording keeps the
 * furthest of each: a retried or late job cannot undo a newer one, and the total is exact whatever
 * order positions arrive in. A user whose totals are unknown to the store (new, or lost by it) is
 * reported as such; the caller then seeds them from every one of the user's positions.
 */
export interface UnreadTotals {
  /**
   * Records the positions (of any users, any channels) and returns, per user, their total afterwards
   * and whether it changed; `total` is null for a user the store holds no seed for.
   */
  record(positions: readonly ChannelPosition[]): Promise<Map<string, UnreadTotal>>;

  /** Replaces everything known of the user with `positions` (all of their channels); returns the total. */
  seed(userId: string, positions: readonly ChannelPosition[]): Promise<number>;
}

export interface UnreadTotal {
  total: number | null;
  changed: boolean;
}
