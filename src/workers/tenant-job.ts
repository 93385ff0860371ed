import { DelayedError, type Job, type Processor } from 'bullmq';
import type { Logger } from '../adapters/logging/logger';
import type { TenantJobData } from '../adapters/queue/bullmq-job-queue';
import type { TenantContext, TenantContexts } from '../adapters/tenancy/tenant-context';
import { TenantSuspendedError } from '../domain/tenant/tenant.errors';
import { asJobFailure } from './job-errors';

/** How long a suspended tenant's job waits before it looks at the tenant's status again. */
export const SUSPENDED_HOLD_MS = 5_000;

/** What a queue's handler does with one job, given the job's tenant context and a job-bound logger. */
export type TenantJobHandler<D> = (context: TenantContext, data: D, log: Logger, job: Job) => Promise<void>;

/**
 * Wraps a handler as a BullMQ processor: resolves the tenant from `job.data.tenant` (an unknown
 * tenant is a domain error: the job fails without retries; a suspended one holds the job, delayed,
 * without spending an attempt, until the tenant is active again), logs with the tenant and job id on
 * every line, and classifies failures (job-errors.ts). A context belongs to one tenant, so nothing
 * a job does or logs can cross tenants.
 */
export function tenantProcessor<D extends object>(
  contexts: TenantContexts,
  logger: Logger,
  handler: TenantJobHandler<D>,
): Processor<TenantJobData<D>> {
  return async (job, token) => {
    const log = logger.child({
      tenant: job.data.tenant,
      queue: job.queueName,
      job_id: job.id,
      attempt: job.attemptsMade + 1,
    });
    try {
      const context = await contexts.forSlug(job.data.tenant).catch(async (error: unknown) => {
        if (!(error instanceof TenantSuspendedError) || token === undefined) throw error;
        await job.moveToDelayed(Date.now() + SUSPENDED_HOLD_MS, token);
        log.info('tenant suspended: job held');
        throw new DelayedError();
      });
      await handler(context, job.data, log, job);
      log.debug('job done');
    } catch (error) {
      if (error instanceof DelayedError) throw error;
      const failure = asJobFailure(error);
      const final = failure.name === 'UnrecoverableError' || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      log[final ? 'error' : 'warn']({ err: error }, final ? 'job failed' : 'job failed; will retry');
      throw failure;
    }
  };
}
