import type { Redis } from 'ioredis';
import { QUEUE_NAMES, bullPrefix } from '../../src/adapters/queue/bullmq-queues';

/** Jobs not finished yet in every queue of the deployment (waiting, active, delayed, …), read with LLEN/ZCARD. */
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

/** Resolves once no job is pending; returns the seconds it took. */
export async function drained(redis: Redis, redisKeyPrefix: string, timeoutMs = 600_000): Promise<number> {
  const started = performance.now();
  while ((await pendingJobs(redis, redisKeyPrefix)) > 0) {
    if (performance.now() - started > timeoutMs) throw new Error(`queues not drained after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return (performance.now() - started) / 1000;
}
