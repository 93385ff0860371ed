import { Worker, type Processor } from 'bullmq';
import { Cluster } from 'ioredis';
import type { RedisClient } from '../adapters/redis/redis-connections';
import type { QueueName } from '../application/jobs/jobs';
import type { Logger } from '../adapters/logging/logger';
import { bullPrefix } from '../adapters/queue/bullmq-queues';
import type { QueueMetrics } from '../adapters/queue/queue-metrics';

export interface QueueWorkersOptions {
  redisKeyPrefix: string;
  concurrency: number;
  /** Queues that take more jobs at once than `concurrency` (their handler groups them). */
  concurrencyOf?: Partial<Record<QueueName, number>>;
  /** A job's lock lives this long without renewal; an active job of a dead worker is recovered after it. */
  lockDurationMs: number;
  /** How often each worker looks for stalled jobs (active jobs whose lock expired) and re-queues them. */
  stalledIntervalMs: number;
}

/**
 * One BullMQ Worker per queue. Each takes its own blocking Redis connection that never gives up a
 * command (maxRetriesPerRequest: null), so a Redis outage pauses the workers and they resume by
 * themselves when it returns. `stop()` is BullMQ's graceful close: no new jobs, active ones finish.
 * A job left active by a killed process is picked up again by the stalled check of any worker.
 */
export class QueueWorkers {
  readonly name = 'queue-workers';
  private workers: Worker[] = [];

  constructor(
    private readonly processors: ReadonlyMap<QueueName, Processor>,
    private readonly connect: (role: string) => RedisClient,
    private readonly options: QueueWorkersOptions,
    private readonly logger: Logger,
    private readonly metrics: QueueMetrics,
  ) {}

  async start(): Promise<void> {
    for (const [queue, processor] of this.processors) {
      const connection = this.connect(`worker:${queue}`);
      const worker = new Worker(queue, processor, {
        connection,
        prefix: bullPrefix(this.options.redisKeyPrefix, queue, connection instanceof Cluster),
        concurrency: this.options.concurrencyOf?.[queue] ?? this.options.concurrency,
        lockDuration: this.options.lockDurationMs,
        stalledInterval: this.options.stalledIntervalMs,
        // Handlers are idempotent, so a job may stall (its worker died) a few times before it fails.
        maxStalledCount: 3,
      });
      worker.on('error', (err) => this.logger.warn({ err, queue }, 'queue worker error'));
      worker.on('stalled', (jobId) => this.logger.warn({ queue, job_id: jobId }, 'stalled job recovered'));
      this.metrics.observe(worker);
      this.workers.push(worker);
    }
    this.logger.info(
      { queues: [...this.processors.keys()], concurrency: this.options.concurrency },
      'queue workers started',
    );
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    this.workers = [];
    this.logger.info('queue workers stopped');
  }
}
