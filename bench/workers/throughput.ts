import { Queue, Worker, type Processor } from 'bullmq';
import type { Logger } from '../../src/adapters/logging/logger';
import type { QueueName } from '../../src/application/jobs/jobs';
import { TOKENS } from '../../src/main/tokens';
import { notificationsHandler } from '../../src/workers/notifications.worker';
import { readReceiptsHandler } from '../../src/workers/read-receipts.worker';
import { tenantProcessor, type TenantJobHandler } from '../../src/workers/tenant-job';
import { unreadCountsHandler } from '../../src/workers/unread-counts.worker';
import { WorkerHarness } from '../../test/integration/workers/support/worker-harness';
import { benchEnv, groupChannel, pooled } from './setup';

export interface QueueThroughput {
  queue: QueueName;
  jobs: number;
  /** Jobs per second with the real processor. */
  real: number;
  /** Jobs per second of a no-op processor on the same queue, same jobs, same concurrency. */
  noop: number;
}

const HANDLERS: Array<[QueueName, TenantJobHandler<never>]> = [
  ['unread-counts', unreadCountsHandler() as TenantJobHandler<never>],
  ['notifications', notificationsHandler as TenantJobHandler<never>],
  ['read-receipts', readReceiptsHandler as TenantJobHandler<never>],
];

/**
 * Fills the three queues with real jobs (`messages` sends, then as many one-message mark_reads),
 * with no worker running; then, per queue, times a no-op worker over a copy of its jobs and the
 * real worker over the jobs themselves, at WORKER_CONCURRENCY.
 */
export async function measureThroughput(messages: number, concurrency: number): Promise<QueueThroughput[]> {
  const env = benchEnv({ WORKER_CONCURRENCY: String(concurrency) });
  const app = await WorkerHarness.start(env, { producerOnly: true });
  try {
    const context = await app.createTenant('bench');
    const channelId = await groupChannel(context);
    const ids: number[] = [];
    await pooled(messages, 8, async () => {
      const { message } = await context.useCases.sendMessage.execute({
        userId: 'ana',
        channelId,
        content: 'bench',
      });
      ids.push(message.id);
    });
    ids.sort((a, b) => a - b);
    for (const id of ids)
      await context.useCases.markRead.execute({ userId: 'ben', channelId, message_id: id });
    const contexts = app.contexts;
    const logger = app.container.get<Logger>(TOKENS.Logger);
    const results: QueueThroughput[] = [];
    for (const [queue, handler] of HANDLERS) {
      const source = app.queues.get(queue);
      const jobs = await source.getWaiting(0, -1);
      const noop = await timeWorker(
        await copyOf(source, jobs, env.REDIS_KEY_PREFIX),
        async () => undefined,
        concurrency,
      );
      const real = await timeWorker(
        source,
        tenantProcessor(contexts, logger, handler) as Processor,
        concurrency,
      );
      results.push({ queue, jobs: jobs.length, real: jobs.length / real, noop: jobs.length / noop });
    }
    return results;
  } finally {
    await app.stop();
  }
}

/** The same jobs on a queue of the same name under another prefix, for the no-op baseline. */
async function copyOf(
  source: Queue,
  jobs: Awaited<ReturnType<Queue['getWaiting']>>,
  prefix: string,
): Promise<Queue> {
  const copy = new Queue(source.name, { connection: source.opts.connection, prefix: `${prefix}:noop` });
  await copy.addBulk(jobs.map((j) => ({ name: j.name, data: j.data, opts: { jobId: j.id } })));
  return copy;
}

/** Seconds a worker takes to complete every waiting job of the queue. */
async function timeWorker(queue: Queue, processor: Processor, concurrency: number): Promise<number> {
  const total = await queue.getWaitingCount();
  const started = process.hrtime.bigint();
  const worker = new Worker(queue.name, processor, {
    connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', maxRetriesPerRequest: null },
    prefix: queue.opts.prefix,
    concurrency,
  });
  let done = 0;
  await new Promise<void>((resolve) => {
    const count = () => ++done >= total && resolve();
    worker.on('completed', count);
    worker.on('failed', count);
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await worker.close();
  await queue.obliterate({ force: true }).catch(() => undefined);
  if (queue.opts.prefix?.endsWith(':noop')) await queue.close();
  return seconds;
}
