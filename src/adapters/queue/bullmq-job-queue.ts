import type { Job } from '../../application/jobs/jobs';
import type { JobQueue } from '../../application/ports/job-queue.port';
import type { BullMqQueues } from './bullmq-queues';

/** The data every job carries: the tenant it belongs to, so a worker resolves the right database. */
export type TenantJobData<T> = T & { tenant: string };

/**
 * Enqueues a tenant's jobs. The BullMQ job id is the tenant slug plus the job's own deterministic id,
 * so a retried request (or two nodes enqueueing the same work) adds the job once.
 */
export class BullMqJobQueue implements JobQueue {
  constructor(
    private readonly queues: BullMqQueues,
    private readonly tenant: string,
  ) {}

  async enqueue(job: Job): Promise<void> {
    const data: TenantJobData<typeof job.data> = { ...job.data, tenant: this.tenant };
    await this.queues.get(job.queue).add(job.queue, data, { jobId: `${this.tenant}.${job.id}` });
  }
}
