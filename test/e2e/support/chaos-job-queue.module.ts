import { ContainerModule } from 'inversify';
import type { BullMqQueues } from '../../../src/adapters/queue/bullmq-queues';
import type { Job } from '../../../src/application/jobs/jobs';
import type { JobQueue } from '../../../src/application/ports/job-queue.port';
import { tenantPortsFactory } from '../../../src/main/modules/tenancy.module';
import type { TenantPortsFactory } from '../../../src/main/tenant-contexts';
import { TOKENS } from '../../../src/main/tokens';

/**
 * A JobQueue that enqueues every job twice (the second copy under another id, so BullMQ keeps both)
 * and each copy with a random delay: workers see duplicated jobs in shuffled order.
 */
class ChaosJobQueue implements JobQueue {
  constructor(
    private readonly queues: BullMqQueues,
    private readonly tenant: string,
  ) {}

  async enqueue(job: Job): Promise<void> {
    const queue = this.queues.get(job.queue);
    const data = { ...job.data, tenant: this.tenant };
    await queue.add(job.queue, data, { jobId: `${this.tenant}.${job.id}`, delay: randomDelay(800) });
    await queue.add(job.queue, data, { jobId: `${this.tenant}.${job.id}.dup`, delay: randomDelay(1500) });
  }

  /** Held or not, the copies run after their random delays. */
  async release(): Promise<void> {}

  async discard(job: Job): Promise<void> {
    const queue = this.queues.get(job.queue);
    await queue.remove(`${this.tenant}.${job.id}`);
    await queue.remove(`${this.tenant}.${job.id}.dup`);
  }
}

function randomDelay(maxMs: number): number {
  return Math.floor(Math.random() * maxMs);
}

/** Replaces the tenant ports' job queue with ChaosJobQueue (the rest stays real). */
export const chaosJobQueueModule = new ContainerModule(({ rebindSync }) => {
  rebindSync(TOKENS.TenantPorts)
    .toDynamicValue((ctx): TenantPortsFactory => {
      const queues = ctx.get<BullMqQueues>(TOKENS.Queues);
      const real = tenantPortsFactory(ctx);
      return (tenant) => ({ ...real(tenant), jobs: new ChaosJobQueue(queues, tenant.slug) });
    })
    .inSingletonScope();
});
