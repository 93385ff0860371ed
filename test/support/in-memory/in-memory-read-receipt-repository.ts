import { ReadReceiptRepository } from '../../../src/application/ports/read-receipt-repository.port';
import { ReadReceiptRange, Reader, readersOf } from '../../../src/domain/read/read-receipt';

export class InMemoryReadReceiptRepository implements ReadReceiptRepository {
  private ranges: ReadReceiptRange[] = [];

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

  /** Every range (the data-rights fakes). */
  all(): ReadReceiptRange[] {
    return this.ranges.map((r) => structuredClone(r));
  }

  /** Deletes every range of the user; returns how many. */
  removeAllOf(userId: string): number {
    const before = this.ranges.length;
    this.ranges = this.ranges.filter((r) => r.user_id !== userId);
    return before - this.ranges.length;
  }
}
