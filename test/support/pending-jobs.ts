import type { Redis } from 'ioredis';
import { QUEUE_NAMES, bullPrefix } from '../../src/adapters/queue/bullmq-queues';

/**
 * Jobs not finished yet in every queue of a deployment (waiting, active, delayed, prioritized …),
 * read with plain LLEN/ZCARD: no script, so it adds nothing hidden to INFO commandstats.
 */
export async function pendingJobs(redis: Redis, redisKeyPrefix: string): Promise<number> {
  const pipeline = redis.pipeline();
  const prefix = bullPrefix(redisKeyPrefix);
  for (const queue of QUEUE_NAMES) {
    for (const list of ['wait', 'active', 'paused']) pipeline.llen(`${prefix}:${queue}:${list}`);
    for (const set of ['delayed', 'prioritized', 'waiting-children'])
      pipeline.zcard(`${prefix}:${queue}:${set}`);
  }
  const replies = (await pipeline.exec()) ?? [];
  return replies.reduce((sum, [error, n]) => {
    if (error) throw error;
    return sum + Number(n);
  }, 0);
}
