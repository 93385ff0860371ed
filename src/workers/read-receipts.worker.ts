import type { ReadReceiptJobData } from '../application/jobs/jobs';
import type { TenantJobHandler } from './tenant-job';

/** `read-receipts`: stores one pointer advance as a receipt range (idempotent on its end seq). */
export const readReceiptsHandler: TenantJobHandler<ReadReceiptJobData> = async ({ useCases }, data) => {
  await useCases.recordReadReceipt.execute(data);
};
