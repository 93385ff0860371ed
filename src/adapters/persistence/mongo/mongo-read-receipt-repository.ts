import type { Model } from 'mongoose';
import type { ReadReceiptRepository } from '../../../application/ports/read-receipt-repository.port';
import { readersOf, type ReadReceiptRange, type Reader } from '../../../domain/read/read-receipt';
import { isDuplicateKey } from './mongo-errors';
import { blockOf } from './schemas/message-blocks';
import {
  toReadReceiptDocument,
  toReadReceiptRange,
  type ReadReceiptDocument,
} from './schemas/read-receipt.schema';

/**
 * Read receipts as ranges, one document per pointer advance (storage grows with mark_read calls, not
 * with messages x readers). Each range lists the message blocks it covers, so "who read seq s" reads
 * only the ranges touching s's block, by equality, however long the channel's history.
 */
export class MongoReadReceiptRepository implements ReadReceiptRepository {
  constructor(private readonly receipts: Model<ReadReceiptDocument>) {}

  async record(range: ReadReceiptRange): Promise<void> {
    try {
      await this.receipts.create(toReadReceiptDocument(range));
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  async readersOf(channelId: string, seq: number): Promise<Reader[]> {
    const docs = await this.receipts
      .find({ channel_id: channelId, blocks: blockOf(seq) })
      .lean<ReadReceiptDocument[]>();
    return readersOf(docs.map(toReadReceiptRange), seq);
  }
}
