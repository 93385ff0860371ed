import { ReadReceiptRange, Reader } from '../../domain/read/read-receipt';

/**
 * Read receipts of one tenant, stored as ranges (one record per pointer advance), so storage grows
 * with mark_read calls, not with messages x readers.
 */
export interface ReadReceiptRepository {
  /** Stores the range; idempotent on (channel_id, user_id, to_seq), so a retried job adds nothing. */
  record(range: ReadReceiptRange): Promise<void>;

  /**
   * Who read the message at `seq` of the channel: the users with a range covering it
   * (from_seq < seq <= to_seq), each with their earliest read_at, earliest first. Served by an
   * equality filter on channel_id; the range test runs in memory (read/read-receipt.ts readersOf).
   */
  readersOf(channelId: string, seq: number): Promise<Reader[]>;
}
