import { Queue, type DefaultJobOptions } from 'bullmq';
import calculateSlot from 'cluster-key-slot';
import { Cluster } from 'ioredis';
import { nodeKey, withTimeout, type RedisClient } from '../redis/redis-connections';
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

/**
 * The BullMQ key prefix of a queue. On one Redis every queue's keys live under `<REDIS_KEY_PREFIX>:bull`
 * (as they always have). BullMQ's scripts touch many keys of a queue at once, so on a Redis Cluster
 * each queue's keys must share a slot: the prefix carries the queue as a hash tag,
 * `<REDIS_KEY_PREFIX>:{bull:<queue>}`, and the four queues spread over four slots.
 */
export function bullPrefix(redisKeyPrefix: string, queue: QueueName, onCluster: boolean): string {
  return onCluster ? `${redisKeyPrefix}:{bull:${queue}}` : `${redisKeyPrefix}:bull`;
}

/**
 * The queues of a deployment (producers). They share the process's command client, which has no
 * offline queue: while Redis is down an `add` fails at once (the API answers 503) instead of waiting.
 */
export class BullMqQueues {
  readonly byName: ReadonlyMap<QueueName, Queue>;

  constructor(
    private readonly connection: RedisClient,
    private readonly redisKeyPrefix: string,
  ) {
    this.byName = new Map(
      QUEUE_NAMES.map((name) => [
        name,
        new Queue(name, {
          connection,
          prefix: bullPrefix(redisKeyPrefix, name, connection instanceof Cluster),
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

  /**
   * On a Redis Cluster, waits until the queue's master has passed what it was sent to a replica (WAIT
   * 1, at most `timeoutMs`): a job enqueued as a send's outbox must outlive a failover that follows
   * at once. Best effort: a master without a live replica (after a failover, until the old master
   * rejoins) is not waited for, and a master that fails meanwhile is not either. Returns how many
   * replicas acknowledged (0 on one Redis: nothing to wait for).
   */
  async replicated(name: QueueName, timeoutMs: number): Promise<number> {
    if (!(this.connection instanceof Cluster)) return 0;
    const slot = calculateSlot(`${bullPrefix(this.redisKeyPrefix, name, true)}:${name}:id`);
    // CLUSTER SLOTS lists a slot's master, then its replicas that are not failing.
    const [owner, ...replicas] = this.connection.slots[slot] ?? [];
    if (replicas.length === 0) return 0;
    const master = this.connection.nodes('master').find((node) => nodeKey(node) === owner);
    if (!master) return 0;
    const acknowledged = master.call('WAIT', 1, timeoutMs).then(Number);
    return withTimeout(acknowledged, timeoutMs + 500, 'WAIT timed out').catch(() => 0);
  }

  get all(): Queue[] {
    return [...this.byName.values()];
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((q) => q.close()));
  }
}
