import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import calculateSlot from 'cluster-key-slot';
import { Cluster, Redis } from 'ioredis';
import { parseClusterNode } from '../../../src/adapters/redis/redis-connections';
import { CLUSTER_NODES } from '../../support/test-env';

const run = promisify(execFile);
const SERVICES = resolve(__dirname, '../../../scripts/services.sh');

export { CLUSTER_NODES };

/** The master serving a slot and its replicas, as `host:port`. */
export interface SlotOwners {
  master: string;
  replicas: string[];
}

/** A client of one node; `queue`: commands wait for the connection (else they fail while it is down). */
export function connectTo(node: string, queue = false): Redis {
  const client = new Redis({
    ...parseClusterNode(node),
    maxRetriesPerRequest: 0,
    enableOfflineQueue: queue,
    connectTimeout: 1_000,
    retryStrategy: () => 200,
  });
  client.on('error', () => undefined);
  return client;
}

/** Who serves the slot of `key` now, read with CLUSTER SLOTS (not from a client's cache). */
export async function ownersOf(cluster: Cluster, key: string): Promise<SlotOwners> {
  const slot = calculateSlot(key);
  const ranges = (await cluster.call('CLUSTER', 'SLOTS')) as Array<[number, number, ...[string, number][]]>;
  const range = ranges.find(([start, end]) => start <= slot && slot <= end);
  if (!range) throw new Error(`no master serves slot ${slot}`);
  const [master, ...replicas] = range.slice(2).map((n) => {
    const [host, port] = n as [string, number];
    return `${host}:${port}`;
  });
  return { master, replicas };
}

/**
 * SIGKILLs the redis-server behind `node` (its pid from INFO server). The test runs beside the
 * cluster: a node elsewhere, or a pid that is not a redis-server here, is refused, never signalled.
 */
export async function killNode(node: string): Promise<number> {
  const host = node.slice(0, node.lastIndexOf(':'));
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) throw new Error(`${node} is not on this machine`);
  const client = connectTo(node, true);
  try {
    const info = (await client.info('server')) as string;
    const pid = Number(/process_id:(\d+)/.exec(info)?.[1]);
    const command = pid ? await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '') : '';
    if (command.trim() !== 'redis-server') throw new Error(`${node}: pid ${pid} is not a local redis-server`);
    process.kill(pid, 'SIGKILL');
    return pid;
  } finally {
    client.disconnect();
  }
}

/** Whether the cluster is healthy, as `scripts/services.sh cluster status` judges it. */
export async function clusterHealthy(): Promise<boolean> {
  return run(SERVICES, ['cluster', 'status'], { env: servicesEnv(), timeout: 60_000 }).then(
    () => true,
    () => false,
  );
}

/**
 * Brings the cluster back to health: `cluster up` restarts a killed node (it rejoins as a replica of
 * the master that replaced it) and waits for every master to have a synced replica; then waits until
 * `cluster status` agrees.
 */
export async function restoreCluster(timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await run(SERVICES, ['cluster', 'up'], { env: servicesEnv(), timeout: timeoutMs });
  while (!(await clusterHealthy())) {
    if (Date.now() > deadline) throw new Error(`the Redis Cluster is not healthy after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** services.sh's cluster is named by its lowest port (REDIS_CLUSTER_BASE_PORT) .. +5. */
function servicesEnv(): NodeJS.ProcessEnv {
  const base = Math.min(...CLUSTER_NODES.map((n) => parseClusterNode(n).port));
  return { ...process.env, REDIS_CLUSTER_BASE_PORT: String(base) };
}
