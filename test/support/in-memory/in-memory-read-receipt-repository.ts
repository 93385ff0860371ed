import { ReadReceiptRepository } from '../../../src/application/ports/read-receipt-repository.port';
import { ReadReceiptRange, Reader, readersOf } from '../../../src/domain/read/read-receipt';

export class InMemoryReadReceiptRepository implements ReadReceiptRepository {
  private readonly ranges: ReadReceiptRange[] = [];

  async record(range: ReadReceiptRange): Promise<void> {
    const duplicate = this.ranges.some(
      (r) => r.channel_id === range.channel_id && r.user_id === range.user_id && r.to_seq === range.to_seq,
    );
    if (!duplicate) this.ranges.push(structuredClone(range));
  }

  async readersOf(channelId: string, seq: number): Promise<Reader[]> {
    return readersOf(
      this.ranges.filter((r) => r.channel_id === channelId),
      seq,
    );
  }

  /** Test helper: how many ranges are stored. */
  count(): number {
    return this.ranges.length;
  }
}
