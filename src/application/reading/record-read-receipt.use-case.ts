import { receiptRangeFromJob, ReadReceiptJobData } from '../jobs/jobs';
import { ReadReceiptRepository } from '../ports/read-receipt-repository.port';
import { ReadStateRepository } from '../ports/read-state-repository.port';
import { ReceiptAheadOfPointerError } from './receipt-ahead-of-pointer.error';

/**
 * The read-receipts worker's job: stores one pointer advance as a receipt range. Idempotent (the
 * repository ignores a range it has), so a retried job adds nothing. An empty range is ignored.
 * A receipt is stored only once the user's pointer covers it: MarkRead enqueues before it moves the
 * pointer, so that a failure between the two loses nothing (the client's retry moves the pointer and
 * finds the job already queued) and records nothing that was not read.
 * @throws ReceiptAheadOfPointerError (retried) while the pointer is behind the range.
 */
export class RecordReadReceipt {
  constructor(
    private readonly receipts: ReadReceiptRepository,
    private readonly readStates: ReadStateRepository,
  ) {}

  async execute(input: ReadReceiptJobData): Promise<void> {
    if (input.to_seq <= input.from_seq) return;
    const state = await this.readStates.find(input.user_id, input.channel_id);
    // No row: the user has left since; the range was read before they went (or never will be checked).
    if (state && state.last_read_seq < input.to_seq) {
      throw new ReceiptAheadOfPointerError(
        input.user_id,
        input.channel_id,
        input.to_seq,
        state.last_read_seq,
      );
    }
    await this.receipts.record(receiptRangeFromJob(input));
  }
}
