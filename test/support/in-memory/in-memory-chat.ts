import type { TenantPorts } from '../../../src/adapters/tenancy/tenant-context';
import type { ChannelMembership } from '../../../src/application/ports/channel-membership.port';
import { InMemoryIdSequence, ManualClock, SequentialUuidGenerator } from './clock.fakes';
import { InMemoryChannelRepository } from './in-memory-channel-repository';
import {
  InMemoryTenantDataReader,
  InMemoryUserErasureStore,
  InMemoryUserLiveState,
} from './in-memory-data-rights';
import {
  InMemoryNotificationLog,
  InMemoryOfflineNotifier,
  InMemoryPresence,
  InMemorySendOutbox,
} from './in-memory-delivery';
import { InMemoryUserDirectory } from './in-memory-directories';
import { InMemoryMessageRepository } from './in-memory-message-repository';
import { InMemoryPinRepository, InMemoryReactionRepository } from './in-memory-reactions-and-pins';
import { InMemoryMessageSearch } from './in-memory-message-search';
import { inMemoryModeration } from './in-memory-moderation';
import { InMemoryReadReceiptRepository } from './in-memory-read-receipt-repository';
import { InMemoryReadStateRepository } from './in-memory-read-state-repository';
import { InMemoryEventPublisher, InMemoryJobQueue } from './in-memory-realtime';
import { InMemoryUnreadTotals } from './in-memory-unread-totals';

/**
 * Every port of one tenant, faked in memory, sharing one clock: what the composition root's
 * tenantPortsFactory builds on MongoDB and Redis. buildUseCases (src/main) wires the use cases to it.
 */
export class InMemoryChat implements TenantPorts {
  readonly clock = new ManualClock();
  readonly uuids = new SequentialUuidGenerator();
  readonly ids = new InMemoryIdSequence();
  readonly channels = new InMemoryChannelRepository();
  readonly messages = new InMemoryMessageRepository(this.ids, this.channels);
  readonly reactions = new InMemoryReactionRepository(this.messages);
  readonly pins = new InMemoryPinRepository(this.messages);
  readonly search = new InMemoryMessageSearch(this.messages);
  readonly readStates = new InMemoryReadStateRepository();
  readonly receipts = new InMemoryReadReceiptRepository();
  readonly users = new InMemoryUserDirectory();
  readonly events = new InMemoryEventPublisher();
  readonly jobs = new InMemoryJobQueue();
  readonly unreadTotals = new InMemoryUnreadTotals();
  readonly outbox = new InMemorySendOutbox();
  readonly notificationLog = new InMemoryNotificationLog();
  readonly presence = new InMemoryPresence();
  readonly offline = new InMemoryOfflineNotifier();
  readonly dataReader = new InMemoryTenantDataReader(this);
  readonly erasures = new InMemoryUserErasureStore(this);
  readonly liveState = new InMemoryUserLiveState();
  /** InMemoryJobQueue does not model holds: a test drains the queue when it chooses to. */
  readonly sendHoldMs = 5_000;
  readonly moderation = inMemoryModeration(this.channels, this.clock);
  /** Asks the channel every time (the real one may answer "yes" from a node's memory). */
  readonly membership: ChannelMembership = {
    isMember: async (channelId, userId) => !!(await this.channels.findById(channelId))?.participant(userId),
    accessFor: async (channelId, userId) => {
      const access = await this.moderation.channels.findAccess(channelId);
      return access?.roles.has(userId) ? access : null;
    },
    changed: async () => undefined,
  };
}
