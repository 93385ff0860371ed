import type { FindCursor } from 'mongodb';
import type { Model } from 'mongoose';
import type { UserChannelState } from '../../../application/ports/read-state-repository.port';
import type { TenantDataReader } from '../../../application/ports/tenant-data-reader.port';
import type { Channel } from '../../../domain/channel/channel.entity';
import type { Message } from '../../../domain/message/message.entity';
import type { ReadReceiptRange } from '../../../domain/read/read-receipt';
import type { UserProfile } from '../../../domain/user/user-profile';
import { blockOf } from './schemas/message-blocks';
import { toChannel } from './schemas/channel.schema';
import { toMessage, type MessageDocument } from './schemas/message.schema';
import { toReadReceiptRange } from './schemas/read-receipt.schema';
import { toUserChannelState } from './schemas/user-channel-state.schema';
import { toUserProfile } from './schemas/user-profile.schema';
import type { TenantModels } from './tenant-models';

/** Documents per cursor batch: a batch of channels (with participants) stays within a few MB. */
const BATCH = 200;
/**
 * Blocks of a channel's messages in flight ahead of the one being written out (a round trip each).
 * Measured (docs/performance.md, "Exports"): 4 was faster still, but documents waiting longer outlive
 * young-generation collections, and RSS then grew with the export (+98 MB at 300,000 messages);
 * at 2 it stays about +50 MB from 100,000 to 300,000.
 */
const READ_AHEAD = 2;
/** The channel document's copy of its last message is not part of a channel's export line. */
const CHANNEL_FIELDS = { last_message: 0 } as const;

/**
 * A tenant's data for exports, from driver cursors in batches (closed when the caller stops
 * iterating) on top-level equality filters, which FerretDB v1 pushes down to its storage and an
 * index serves, and without sort, which FerretDB v1 would run in its own memory over every match.
 * A channel's messages are read a block of 100 seqs at a time (`{channel_id, block}`, the history
 * pages' index), so they come in seq order with at most READ_AHEAD + 1 blocks in memory, the next
 * ones read while the current one is written out.
 */
export class MongoTenantDataReader implements TenantDataReader {
  constructor(private readonly models: TenantModels) {}

  channels(): AsyncIterable<Channel> {
    return mapped(this.find(this.models.channels, {}, CHANNEL_FIELDS), toChannel);
  }

  channelsOf(userId: string): AsyncIterable<Channel> {
    return mapped(this.find(this.models.channels, { member_ids: userId }, CHANNEL_FIELDS), toChannel);
  }

  async *messagesOf(channel: Channel): AsyncIterable<Message> {
    const lastSeq = channel.lastMessageSeq;
    const lastBlock = lastSeq === 0 ? -1 : blockOf(lastSeq);
    const ahead: Promise<MessageDocument[]>[] = [];
    let next = 0;
    const readAhead = () => {
      while (ahead.length < READ_AHEAD && next <= lastBlock) {
        const read = this.block(channel.id, next++);
        // Awaited in its turn, which rethrows; until then (or if the caller stops first) a failure
        // must not count as unhandled.
        read.catch(() => undefined);
        ahead.push(read);
      }
    };
    readAhead();
    while (ahead.length > 0) {
      const docs = await ahead.shift()!;
      readAhead();
      // A send in progress may have stored past the channel's recorded last seq: not exported yet.
      for (const doc of docs.sort((a, b) => a.seq - b.seq)) if (doc.seq <= lastSeq) yield toMessage(doc);
    }
  }

  messagesBy(userId: string): AsyncIterable<Message> {
    return mapped(this.find(this.models.messages, { user_id: userId }), toMessage);
  }

  readStatesOf(channelId: string): AsyncIterable<UserChannelState> {
    return mapped(this.find(this.models.userChannelStates, { channel_id: channelId }), toUserChannelState);
  }

  receiptsOf(channelId: string): AsyncIterable<ReadReceiptRange> {
    return mapped(this.find(this.models.readReceipts, { channel_id: channelId }), toReadReceiptRange);
  }

  receiptsBy(userId: string): AsyncIterable<ReadReceiptRange> {
    return mapped(this.find(this.models.readReceipts, { user_id: userId }), toReadReceiptRange);
  }

  profiles(): AsyncIterable<UserProfile> {
    return mapped(this.find(this.models.users, {}), toUserProfile);
  }

  private block(channelId: string, block: number): Promise<MessageDocument[]> {
    return this.models.messages.collection.find<MessageDocument>({ channel_id: channelId, block }).toArray();
  }

  /** The driver's cursor, not Mongoose's: it closes itself when a `for await` loop is left early. */
  private find<T extends object>(
    model: Model<T>,
    filter: Record<string, string>,
    projection?: Record<string, 0>,
  ): FindCursor<T> {
    return model.collection.find<T>(filter, { batchSize: BATCH, projection });
  }
}

async function* mapped<D, T>(cursor: AsyncIterable<D>, map: (doc: D) => T): AsyncIterable<T> {
  for await (const doc of cursor) yield map(doc);
}
