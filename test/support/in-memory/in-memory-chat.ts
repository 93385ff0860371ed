import type { ChannelMembership } from '../../../src/application/ports/channel-membership.port';
import { InMemoryIdSequence, ManualClock, SequentialUuidGenerator } from './clock.fakes';
import { InMemoryChannelRepository } from './in-memory-channel-repository';
import { InMemoryUserDirectory } from './in-memory-directories';
import { InMemoryMessageRepository } from './in-memory-message-repository';
import { InMemoryReadReceiptRepository } from './in-memory-read-receipt-repository';
import { InMemoryReadStateRepository } from './in-memory-read-state-repository';
import { InMemoryEventPublisher, InMemoryJobQueue } from './in-memory-realtime';
import { InMemoryUnreadTotals } from './in-memory-unread-totals';

/** Every port of one tenant, faked in memory, sharing one clock. */
export class InMemoryChat {
  readonly clock = new ManualClock();
  readonly uuids = new SequentialUuidGenerator();
  readonly ids = new InMemoryIdSequence();
  readonly channels = new InMemoryChannelRepository();
  readonly messages = new InMemoryMessageRepository(this.ids, this.channels);
  readonly readStates = new InMemoryReadStateRepository();
  readonly receipts = new InMemoryReadReceiptRepository();
  readonly users = new InMemoryUserDirectory();
  readonly events = new InMemoryEventPublisher();
  readonly jobs = new InMemoryJobQueue();
  readonly unreadTotals = new InMemoryUnreadTotals();
  /** Asks the channel every time (the real one may answer "yes" from a node's memory). */
  readonly membership: ChannelMembership = {
    isMember: async (channelId, userId) => !!(await this.channels.findById(channelId))?.participant(userId),
  };
}
