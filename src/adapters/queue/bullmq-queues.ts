import { Queue, type ConnectionOptions, type DefaultJobOptions } from 'bullmq';
import type { QueueName } from '../../application/jobs/jobs';

export const QUEUE_NAMES: readonly QueueName[] = ['read-receipts', 'unread-counts', 'notifications'];

/** Retries back off exponentially; failed jobs stay for inspection in the dashboard. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 250 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: false,
};

/** The three BullMQ queues of a deployment (producers), keyed under `<REDIS_KEY_PREFIX>:bull`. */
export class BullMqQueues {
  readonly byName: ReadonlyMap<QueueName, Queue>;

  constructor(connection: ConnectionOptions, keyPrefix: string) {
    this.byName = new Map(
      QUEUE_NAMES.map((name) => [
        name,
        new Queue(name, { connection, prefix: `${keyPrefix}:bull`, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
      ]),
    );
  }

  get(name: QueueName): Queue {
    const queue = this.byName.get(name);
    if (!queue) throw new Error(`unknown queue ${name}`);
    return queue;
  }

  async close(): Promise<void> {
    await Promise.all([...this.byName.values()].map((q) => q.close()));
  }
}
