import { Job as BullJob } from 'bullmq';
import type { Job } from '../../application/jobs/jobs';
import type { EnqueueOptions, JobQueue } from '../../application/ports/job-queue.port';
import { withTimeout } from '../redis/redis-connections';
import type { BullMqQueues } from './bullmq-queues';

/** How long an enqueue waits for a replica of the queue's master to have the job (Redis Cluster). */
const REPLICATION_WAIT_MS = 100;

/** The data every job carries: the tenant it belongs to, so a worker resolves the right database. */
export type TenantJobData<T> = T & { tenant: string };

/** The queue could not take the job in time (Redis never became reachable): the HTTP layer answers 503. */
export class QueueUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`job queue unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'QueueUnavailableError';
  }
}

/**
 * Enqueues a tenant's jobs. The BullMQ job id is the tenant slug plus the job's own deterministic id,
 * so a retried request (or two nodes enqueueing the same work) adds the job once.
 */
export class BullMqJobQueue implements JobQueue {
  constructor(
    private readonly queues: BullMqQueues,
    private readonly tenant: string,
    private readonly timeoutMs: number,
  ) {}

  async enqueue(job: Job, options: EnqueueOptions = {}): Promise<void> {
    const data: TenantJobData<typeof job.data> = { ...job.data, tenant: this.tenant };
    const added = this.queues
      .get(job.queue)
      .add(job.queue, data, { jobId: this.idOf(job), delay: options.holdMs });
    // A queue whose connection never became ready waits for it; bound that wait like any Redis call.
    // (Once ready, ioredis itself rejects at once while Redis is down: the HTTP layer knows those errors.)
    const timedOut = Symbol('timed out');
    const outcome = await withTimeout(added, this.timeoutMs, 'redis not ready').catch((error: Error) => {
      if (error.message === 'redis not ready') return timedOut;
      throw error;
    });
    if (outcome === timedOut)
      throw new QueueUnavailableError(new Error(`no Redis within ${this.timeoutMs} ms`));
    // On a cluster: on a replica too before the caller goes on (a send stores its message next).
    await this.queues.replicated(job.queue, REPLICATION_WAIT_MS);
  }

  /** BullMQ's promote (delayed → waiting), one script call; it refuses a job that is not delayed. */
  async release(job: Job): Promise<void> {
    const handle = new BullJob(this.queues.get(job.queue), job.queue, {}, {}, this.idOf(job));
    await withTimeout(handle.promote(), this.timeoutMs, 'redis not ready').catch(() => undefined);
  }

  async discard(job: Job): Promise<void> {
    const removal = this.queues.get(job.queue).remove(this.idOf(job));
    await withTimeout(removal, this.timeoutMs, 'redis not ready').catch(() => undefined);
  }

  private idOf(job: Job): string {
    return `${this.tenant}.${job.id}`;
  }
}
