import { receiptRangeFromJob, ReadReceiptJobData } from '../jobs/jobs';
import { ReadReceiptRepository } from '../ports/read-receipt-repository.port';

/**
 * The read-receipts worker's job: stores one pointer advance as a receipt range. Idempotent (the
 * repository ignores a range it has), so a retried job adds nothing. An empty range is ignored.
 */
export class RecordReadReceipt {
  constructor(private readonly receipts: ReadReceiptRepository) {}

  async execute(input: ReadReceiptJobData): Promise<void> {
    if (input.to_seq <= input.from_seq) return;
    await this.receipts.record(receiptRangeFromJob(input));
  }
}
