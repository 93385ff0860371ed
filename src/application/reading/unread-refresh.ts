import { Channel } from '../../domain/channel/channel.entity';
import { EventPublisher } from '../ports/event-publisher.port';
import { PresenceReader } from '../ports/presence-reader.port';
import { UserChannelState } from '../ports/read-state-repository.port';
import { UnreadTotals } from '../ports/unread-totals.port';
import { BadgeSources, positionIn, seededTotals } from './unread-badge';

/**
 * After a new message: records every participant's position in the channel with UnreadTotals (the
 * badge) and sends unread.update to the participants who are online and whose count changed. Unread
 * counts themselves are not stored: views derive them from the channel's last seq and the pointer
 * (domain/read/unread.ts). One Redis call for the badges, one for presence, a publish per online
 * user whose count changed: no database access. Positions only move forward, so running it again
 * changes nothing and sends nothing.
 */
export class UnreadRefresh {
  constructor(
    private readonly sources: BadgeSources,
    private readonly events: EventPublisher,
    private readonly totals: UnreadTotals,
    private readonly presence: PresenceReader,
  ) {}

  async refresh(channel: Channel, rows: readonly UserChannelState[]): Promise<void> {
    // A row without a participant is a removal in progress: it no longer counts.
    const positions = rows
      .filter((row) => channel.participant(row.user_id))
      .map((row) => positionIn(channel, row));
    const totals = await seededTotals(this.totals, this.sources, positions);
    const changed = positions.filter((p) => totals.get(p.user_id)?.changed);
    const online = changed.length
      ? await this.presence.onlineAmong(changed.map((p) => p.user_id))
      : new Set();
    for (const position of changed.filter((p) => online.has(p.user_id))) {
      const payload = {
        channel_id: channel.id,
        unread_count: Math.max(0, position.last_seq - position.read_seq),
        total_unread: totals.get(position.user_id)!.total,
      };
      await this.events.publish({ type: 'unread.update', user_id: position.user_id, payload });
    }
  }
}
