import { Job } from '../jobs/jobs';

/** Background work for the workers of this tenant (queues read-receipts, unread-counts, notifications). */
export interface JobQueue {
  /**
   * Durably enqueues the job. A job whose id was already enqueued (and not yet removed) is not added
   * again, so enqueueing is idempotent; the worker retries failures with back-off.
   */
  enqueue(job: Job, options?: EnqueueOptions): Promise<void>;

  /**
   * Lets a held job run now. Best effort, never throws: a job that is not held any more (released,
   * run, or never enqueued) is left alone, and one that could not be released runs when its hold ends.
   */
  release(job: Job): Promise<void>;

  /** Removes a held job that must not run after all (its write never happened). Best effort, never throws. */
  discard(job: Job): Promise<void>;
}

export interface EnqueueOptions {
  /**
   * Holds the job until `release` or until this many ms have passed, whichever comes first: work
   * enqueued before the write it depends on (so that a failure in between loses nothing) runs once
   * the write is done, not before it, and still runs if the writer died.
   */
  holdMs?: number;
}
