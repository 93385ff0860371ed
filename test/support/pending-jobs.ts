import { Cluster } from 'ioredis';
import type { RedisClient } from '../../src/adapters/redis/redis-connections';
import { QUEUE_NAMES, bullPrefix } from '../../src/adapters/queue/bullmq-queues';

/**
 * Jobs not finished yet in every queue of a deployment (waiting, active, delayed, prioritized …),
 * read with plain LLEN/ZCARD: no script, so it adds nothing hidden to INFO commandstats.
 */
export async function pendingJobs(redis: RedisClient, redisKeyPrefix: string): Promise<number> {
  // A pipeline per queue: on a cluster each queue's keys are in a slot of their own.
  const counts = await Promise.all(
    QUEUE_NAMES.map(async (queue) => {
      const pipeline = redis.pipeline();
      const prefix = bullPrefix(redisKeyPrefix, queue, redis instanceof Cluster);
      for (const list of ['wait', 'active', 'paused']) pipeline.llen(`${prefix}:${queue}:${list}`);
      for (const set of ['delayed', 'prioritized', 'waiting-children'])
        pipeline.zcard(`${prefix}:${queue}:${set}`);
      const replies = (await pipeline.exec()) ?? [];
      return replies.reduce((sum, [error, n]) => {
        if (error) throw error;
        return sum + Number(n);
      }, 0);
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}
