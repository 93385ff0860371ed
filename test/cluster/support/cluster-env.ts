import { Cluster } from 'ioredis';
import { QUEUE_NAMES, bullPrefix } from '../../../src/adapters/queue/bullmq-queues';
import { nodeKey, parseClusterNode } from '../../../src/adapters/redis/redis-connections';
import { removeKeys } from '../../../src/adapters/redis/tenant-redis-keys';
import { startNodes, stopNodes } from '../../realtime/support/cluster';
import { pendingJobs } from '../../support/pending-jobs';
import type { TestApi } from '../../support/test-api';
import { CLUSTER_NODES, testEnv } from '../../support/test-env';

/** The run's key prefix: every key a test of this run makes starts with it (sub-prefixes too). */
export const RUN_KEY_PREFIX = testEnv().REDIS_KEY_PREFIX;

/** The overrides that put a node or a worker on the cluster (REDIS_URL is then not used). */
export function clusterEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return { REDIS_CLUSTER_NODES: CLUSTER_NODES.join(','), ...overrides };
}

/**
 * A client of the cluster, once it is ready: until then it knows no master, and a SCAN over
 * `nodes('master')` (scanKeys) would silently visit none.
 */
export async function clusterClient(): Promise<Cluster> {
  const cluster = new Cluster(CLUSTER_NODES.map(parseClusterNode), { lazyConnect: true });
  await cluster.connect();
  return cluster;
}

/** API nodes in this process, on the cluster. */
export function startClusterNodes(count: number, env: Record<string, string> = {}): Promise<TestApi[]> {
  return startNodes(count, clusterEnv(env));
}

/** Stops the nodes, then removes every key of `prefix` (not of longer prefixes) from every master. */
export async function stopClusterNodes(nodes: TestApi[], prefix = RUN_KEY_PREFIX): Promise<void> {
  await stopNodes(nodes);
  const redis = await clusterClient();
  try {
    await removeKeys(redis, `${prefix}:*`);
  } finally {
    redis.disconnect();
  }
}

/** How many keys match `match` on each master (`host:port` → count). */
export async function keysPerMaster(redis: Cluster, match: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const master of redis.nodes('master')) {
    let count = 0;
    for await (const keys of master.scanStream({ match, count: 1000 }) as AsyncIterable<string[]>) {
      count += keys.length;
    }
    counts.set(nodeKey(master), count);
  }
  return counts;
}

/**
 * Resolves once no job of the deployment under `prefix` is pending on two reads in a row (a job can
 * enqueue another: unread counts → notifications).
 */
export async function drained(redis: Cluster, prefix: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let idleReads = 0; idleReads < 2;) {
    const pending = await pendingJobs(redis, prefix);
    if (Date.now() > deadline) throw new Error(`${pending} jobs still pending after ${timeoutMs} ms`);
    idleReads = pending === 0 ? idleReads + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Jobs that failed for good, per queue, under `prefix` (removeOnFail is off: they stay). */
export async function failedJobs(redis: Cluster, prefix: string): Promise<Record<string, number>> {
  const counts = await Promise.all(
    QUEUE_NAMES.map(async (queue) => {
      const failed = await redis.zcard(`${bullPrefix(prefix, queue, true)}:${queue}:failed`);
      return [queue, failed] as const;
    }),
  );
  return Object.fromEntries(counts);
}
