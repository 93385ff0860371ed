import { Job } from '../jobs/jobs';

/** Background work for the workers of this tenant (queues read-receipts, unread-counts, notifications). */
export interface JobQueue {
  /**
   * Durably enqueues the job. A job whose id was already enqueued (and not yet removed) is not added
   * again, so enqueueing is idempotent; the worker retries failures with back-off.
   */
  enqueue(job: Job): Promise<void>;
}
