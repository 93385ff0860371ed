import type { UserChannelState } from '../../../src/application/ports/read-state-repository.port';
import type { TenantDataReader } from '../../../src/application/ports/tenant-data-reader.port';
import type {
  ReadingDeleted,
  UserErasureStore,
} from '../../../src/application/ports/user-erasure-store.port';
import type { UserLiveState } from '../../../src/application/ports/user-live-state.port';
import type { Channel } from '../../../src/domain/channel/channel.entity';
import type { Message } from '../../../src/domain/message/message.entity';
import type { ReadReceiptRange } from '../../../src/domain/read/read-receipt';
import type { UserErasure } from '../../../src/domain/user/user-erasure';
import type { UserProfile } from '../../../src/domain/user/user-profile';
import type { InMemoryChannelRepository } from './in-memory-channel-repository';
import type { InMemoryUserDirectory } from './in-memory-directories';
import type { InMemoryMessageRepository } from './in-memory-message-repository';
import type { InMemoryReadReceiptRepository } from './in-memory-read-receipt-repository';
import type { InMemoryReadStateRepository } from './in-memory-read-state-repository';

/** The stores the data-rights fakes read and write: InMemoryChat's own. */
export interface InMemoryStores {
  channels: InMemoryChannelRepository;
  messages: InMemoryMessageRepository;
  readStates: InMemoryReadStateRepository;
  receipts: InMemoryReadReceiptRepository;
  users: InMemoryUserDirectory;
}

/** TenantDataReader over the in-memory stores, with the real reader's orders. */
export class InMemoryTenantDataReader implements TenantDataReader {
  constructor(private readonly s: InMemoryStores) {}

  channels(): AsyncIterable<Channel> {
    return each(this.s.channels.all());
  }

  channelsOf(userId: string): AsyncIterable<Channel> {
    return each(this.s.channels.all().filter((c) => c.participant(userId)));
  }

  messagesOf(channel: Channel): AsyncIterable<Message> {
    const inChannel = this.s.messages.all().filter((m) => m.channelId === channel.id);
    return each(inChannel.filter((m) => m.seq <= channel.lastMessageSeq).sort((a, b) => a.seq - b.seq));
  }

  messagesBy(userId: string): AsyncIterable<Message> {
    return each(this.s.messages.all().filter((m) => m.userId === userId));
  }

  readStatesOf(channelId: string): AsyncIterable<UserChannelState> {
    return each(this.s.readStates.all().filter((r) => r.channel_id === channelId));
  }

  receiptsOf(channelId: string): AsyncIterable<ReadReceiptRange> {
    return each(this.s.receipts.all().filter((r) => r.channel_id === channelId));
  }

  receiptsBy(userId: string): AsyncIterable<ReadReceiptRange> {
    return each(this.s.receipts.all().filter((r) => r.user_id === userId));
  }

  profiles(): AsyncIterable<UserProfile> {
    return each(this.s.users.all());
  }
}

type StoreStep = Exclude<keyof UserErasureStore, 'begin'>;

/** UserErasureStore over the in-memory stores; `crashOnce` makes one step fail, as a dying process would. */
export class InMemoryUserErasureStore implements UserErasureStore {
  readonly records = new Map<string, UserErasure>();
  private crash: StoreStep | null = null;

  constructor(private readonly s: InMemoryStores) {}

  /** The next call of `step` throws (once), before it changes anything. */
  crashOnce(step: StoreStep): void {
    this.crash = step;
  }

  async begin(erasure: UserErasure): Promise<UserErasure> {
    if (!this.records.has(erasure.user_id)) this.records.set(erasure.user_id, structuredClone(erasure));
    return structuredClone(this.records.get(erasure.user_id)!);
  }

  async finish(userId: string): Promise<void> {
    this.maybeCrash('finish');
    this.records.delete(userId);
  }

  async channelsNaming(userId: string, limit: number): Promise<Channel[]> {
    this.maybeCrash('channelsNaming');
    const naming = this.s.channels
      .all()
      .filter((c) => c.participant(userId) || c.toPrimitives().created_by === userId);
    return naming.slice(0, limit);
  }

  async saveChannelReferences(channel: Channel): Promise<void> {
    this.maybeCrash('saveChannelReferences');
    this.s.channels.saveReferences(channel);
  }

  async messagesBy(userId: string, limit: number): Promise<Message[]> {
    this.maybeCrash('messagesBy');
    return this.s.messages
      .all()
      .filter((m) => m.userId === userId)
      .slice(0, limit);
  }

  async saveErasedMessages(_userId: string, messages: readonly Message[]): Promise<void> {
    this.maybeCrash('saveErasedMessages');
    for (const message of messages) {
      this.s.channels.replaceLastMessage(message);
      this.s.messages.overwrite(message);
    }
  }

  async deleteReading(userId: string): Promise<ReadingDeleted> {
    this.maybeCrash('deleteReading');
    return {
      read_states: this.s.readStates.removeAllOf(userId),
      receipts: this.s.receipts.removeAllOf(userId),
    };
  }

  async deleteProfile(userId: string): Promise<boolean> {
    this.maybeCrash('deleteProfile');
    return this.s.users.remove(userId);
  }

  private maybeCrash(step: StoreStep): void {
    if (this.crash !== step) return;
    this.crash = null;
    throw new Error(`crash before ${step}`);
  }
}

/** Remembers whom it was asked to forget. */
export class InMemoryUserLiveState implements UserLiveState {
  readonly forgotten: string[] = [];

  async forget(userId: string): Promise<void> {
    this.forgotten.push(userId);
  }
}

async function* each<T>(items: readonly T[]): AsyncIterable<T> {
  for (const item of items) yield item;
}
