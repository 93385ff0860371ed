import { Cluster, Redis } from 'ioredis';
import { parseClusterNode, type RedisClient } from '../../src/adapters/redis/redis-connections';
import { CLUSTER_NODES } from '../../test/support/test-env';
import { Tally } from '../../test/support/command-tally';

/** One Redis or a Redis Cluster the bench runs the app on; it starts neither. */
export interface RedisTarget {
  label: string;
  /** What the app processes get: REDIS_URL, or REDIS_CLUSTER_NODES. */
  env: Record<string, string>;
  /** The bench's own client (probe, emitter, queue reads, command counts). */
  client: RedisClient;
}

/** The one Redis: BENCH_REDIS_URL, else REDIS_URL, else 127.0.0.1:6379. */
export function oneRedis(): RedisTarget {
  const url = process.env.BENCH_REDIS_URL || process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2_000 });
  client.on('error', () => undefined);
  return { label: `one Redis (${url.replace(/^rediss?:\/\//, '')})`, env: { REDIS_URL: url }, client };
}

/** The cluster: BENCH_REDIS_CLUSTER_NODES, else TEST_REDIS_CLUSTER_NODES, else 127.0.0.1:7100-7105. */
export function redisCluster(): RedisTarget {
  const nodes = process.env.BENCH_REDIS_CLUSTER_NODES || CLUSTER_NODES.join(',');
  const client = new Cluster(nodes.split(',').map(parseClusterNode), {
    lazyConnect: true,
    clusterRetryStrategy: () => null,
    redisOptions: { connectTimeout: 2_000 },
  });
  client.on('error', () => undefined);
  return { label: `Redis Cluster (${nodes})`, env: { REDIS_CLUSTER_NODES: nodes }, client };
}

/** Null when the target answers (a cluster: with every slot served); else why not. */
export async function unreachable(target: RedisTarget): Promise<string | null> {
  try {
    await withDeadline(target.client.connect(), 5_000);
    if (!(target.client instanceof Cluster))
      return (await target.client.ping()) === 'PONG' ? null : 'no PONG';
    const info = (await target.client.call('CLUSTER', 'INFO')) as string;
    return /cluster_state:ok/.test(info) ? null : 'cluster_state is not ok';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The servers that execute commands: every master of a cluster, or the one Redis. */
function servers(client: RedisClient): Redis[] {
  return client instanceof Cluster ? client.nodes('master') : [client];
}

/**
 * Commands the target executed since it started (INFO commandstats, summed over the masters; the
 * commands scripts run inside Redis count, each INFO the bench sends does not).
 */
export async function commandsExecuted(client: RedisClient): Promise<Tally> {
  const infos = await Promise.all(servers(client).map((s) => s.info('commandstats')));
  const tally = new Tally();
  for (const info of infos)
    for (const [, command, calls] of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm))
      if (command !== 'info') tally.add(command, Number(calls));
  return tally;
}

/** Unlinks every key under `prefix`, server by server (one key per command: a page spans slots). */
export async function deleteKeys(client: RedisClient, prefix: string): Promise<void> {
  for (const server of servers(client)) {
    for await (const keys of server.scanStream({ match: `${prefix}:*`, count: 1000 }) as AsyncIterable<
      string[]
    >) {
      await Promise.all(keys.map((key) => client.unlink(key)));
    }
  }
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const late = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), ms)),
  );
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
