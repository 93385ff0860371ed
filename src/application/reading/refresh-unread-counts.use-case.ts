import { unreadCount } from '../../domain/read/unread';
import { MessageJobData } from '../jobs/jobs';
import { ChannelRepository } from '../ports/channel-repository.port';
import { EventPublisher } from '../ports/event-publisher.port';
import { ReadStateRepository, UserChannelState } from '../ports/read-state-repository.port';
import { pointerOf, totalUnread } from './membership-state';
import { storeUnreadCount } from './store-unread-count';

/**
 * The unread-counts worker's job after a new message: recomputes every participant's unread_count
 * from the channel's last seq and their pointer (domain/read/unread.ts), stores the ones that
 * changed and sends those users unread.update. Recomputing from the source, rather than
 * incrementing, makes retries and out-of-order jobs harmless; each write is checked against a fresh
 * read (store-unread-count.ts), so concurrent jobs and mark_reads cannot leave a stale count. A channel gone meanwhile is skipped.
 */
export class RefreshUnreadCounts {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly readStates: ReadStateRepository,
    private readonly events: EventPublisher,
  ) {}

  async execute(input: MessageJobData): Promise<void> {
    const channel = await this.channels.findById(input.channel_id);
    if (!channel) return;
    for (const state of await this.readStates.listByChannel(channel.id)) {
      if (!channel.participant(state.user_id)) continue;
      const count = unreadCount(channel.lastMessageSeq, pointerOf(state));
      if (count !== state.unread_count) await this.store(state, count);
    }
  }

  private async store(state: UserChannelState, computed: number): Promise<void> {
    const count = await storeUnreadCount(
      this.channels,
      this.readStates,
      state.user_id,
      state.channel_id,
      computed,
    );
    const total = totalUnread(await this.readStates.listByUser(state.user_id));
    const payload = { channel_id: state.channel_id, unread_count: count, total_unread: total };
    await this.events.publish({ type: 'unread.update', user_id: state.user_id, payload });
  }
}
