import type { Redis } from 'ioredis';
import { pendingJobs } from '../../test/support/pending-jobs';

/** Resolves once no job is pending in any queue; returns the seconds it took. */
export async function drained(redis: Redis, redisKeyPrefix: string, timeoutMs = 600_000): Promise<number> {
  const started = performance.now();
  while ((await pendingJobs(redis, redisKeyPrefix)) > 0) {
    if (performance.now() - started > timeoutMs) throw new Error(`queues not drained after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return (performance.now() - started) / 1000;
}
