import { Queue, type DefaultJobOptions } from 'bullmq';
import type { RedisClient } from '../redis/redis-connections';
import type { QueueName } from '../../application/jobs/jobs';

/** The three queues of docs/contract.md, plus `webhooks` for deliveries to tenants' webhooks. */
export const QUEUE_NAMES: readonly QueueName[] = [
  'read-receipts',
  'unread-counts',
  'notifications',
  'webhooks',
];

/** Retries back off exponentially; failed jobs stay for inspection in the dashboard. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 250 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: false,
};

/** The BullMQ key prefix of a deployment: every queue's keys live under `<REDIS_KEY_PREFIX>:bull`. */
export function bullPrefix(redisKeyPrefix: string): string {
  return `${redisKeyPrefix}:bull`;
}

/**
 * The queues of a deployment (producers). They share the process's command client, which has no
 * offline queue: while Redis is down an `add` fails at once (the API answers 503) instead of waiting.
 */
export class BullMqQueues {
  readonly byName: ReadonlyMap<QueueName, Queue>;

  constructor(connection: RedisClient, redisKeyPrefix: string) {
    this.byName = new Map(
      QUEUE_NAMES.map((name) => [
        name,
        new Queue(name, {
          connection,
          prefix: bullPrefix(redisKeyPrefix),
          defaultJobOptions: DEFAULT_JOB_OPTIONS,
        }),
      ]),
    );
  }

  get(name: QueueName): Queue {
    const queue = this.byName.get(name);
    if (!queue) throw new Error(`unknown queue ${name}`);
    return queue;
  }

  get all(): Queue[] {
    return [...this.byName.values()];
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((q) => q.close()));
  }
}
