import { Channel } from '../../domain/channel/channel.entity';
import { MessageJobData } from '../jobs/jobs';
import { ChannelRepository } from '../ports/channel-repository.port';
import { EventPublisher } from '../ports/event-publisher.port';
import { EVERYONE_ONLINE, PresenceReader } from '../ports/presence-reader.port';
import { ReadStateRepository, UserChannelState } from '../ports/read-state-repository.port';
import { ChannelPosition, UnreadTotals } from '../ports/unread-totals.port';
import { positionIn, seededTotals } from './unread-badge';

/**
 * The unread-counts worker's job after a new message: records every participant's position in the
 * channel with UnreadTotals (the badge) and sends unread.update to the participants who are online
 * and whose count changed. Unread counts themselves are not stored: views derive them from the
 * channel's last seq and the pointer (domain/read/unread.ts), so the job reads two documents
 * (the channel, its membership rows) and writes none, whatever the channel's size. Safe to retry:
 * positions only move forward. A channel gone meanwhile is skipped.
 */
export class RefreshUnreadCounts {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly readStates: ReadStateRepository,
    private readonly events: EventPublisher,
    private readonly totals: UnreadTotals,
    private readonly presence: PresenceReader = EVERYONE_ONLINE,
  ) {}

  async execute(input: MessageJobData): Promise<void> {
    const [channel, rows] = await Promise.all([
      this.channels.findById(input.channel_id),
      this.readStates.listByChannel(input.channel_id),
    ]);
    if (!channel) return;
    const positions = membersPositions(channel, rows);
    const totals = await seededTotals(this.totals, this.readStates, positions);
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

/** The positions of the channel's participants (a row without a participant is a removal in progress). */
function membersPositions(channel: Channel, rows: readonly UserChannelState[]): ChannelPosition[] {
  return rows.filter((row) => channel.participant(row.user_id)).map((row) => positionIn(channel, row));
}
