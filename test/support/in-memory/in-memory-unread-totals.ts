import type {
  ChannelPosition,
  UnreadTotal,
  UnreadTotals,
} from '../../../src/application/ports/unread-totals.port';

interface Known {
  last: number;
  read: number;
  muted: boolean;
}

/** UnreadTotals in memory, with RedisUnreadTotals' rules: furthest positions win, muted channels count 0. */
export class InMemoryUnreadTotals implements UnreadTotals {
  private readonly users = new Map<string, { seeded: boolean; channels: Map<string, Known> }>();

  async record(positions: readonly ChannelPosition[]): Promise<Map<string, UnreadTotal>> {
    const result = new Map<string, UnreadTotal>();
    for (const p of positions) {
      const user = this.user(p.user_id);
      const before = this.total(p.user_id);
      this.merge(p);
      const changed = this.total(p.user_id) !== before || (result.get(p.user_id)?.changed ?? false);
      result.set(p.user_id, { total: user.seeded ? this.total(p.user_id) : null, changed });
    }
    return result;
  }

  async seed(userId: string, positions: readonly ChannelPosition[]): Promise<number> {
    for (const p of positions) this.merge(p);
    this.user(userId).seeded = true;
    return this.total(userId);
  }

  private merge(p: ChannelPosition): void {
    const channels = this.user(p.user_id).channels;
    const known = channels.get(p.channel_id) ?? { last: 0, read: 0, muted: false };
    channels.set(p.channel_id, {
      last: Math.max(known.last, p.last_seq),
      read: Math.max(known.read, p.read_seq),
      muted: p.is_muted,
    });
  }

  private total(userId: string): number {
    let sum = 0;
    for (const c of this.user(userId).channels.values()) if (!c.muted) sum += Math.max(0, c.last - c.read);
    return sum;
  }

  private user(userId: string) {
    let user = this.users.get(userId);
    if (!user) this.users.set(userId, (user = { seeded: false, channels: new Map() }));
    return user;
  }
}
