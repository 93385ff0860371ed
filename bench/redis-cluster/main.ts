import { randomBytes } from 'node:crypto';
import { dropBenchDatabases, progress, setting } from '../hot-paths/env';
import { int, printTable, ratio } from '../hot-paths/report';
import { Deployment } from './deployment';
import { fanoutRate, type Path, type RateRun } from './fanout-rate';
import { oneRedis, redisCluster, unreachable } from './targets';

const PATHS: Array<{ path: Path; label: string; size: string }> = [
  { path: 'app', label: 'app send path', size: 'BENCH_CLUSTER_MESSAGES' },
  { path: 'emitter', label: 'Socket.IO layer alone', size: 'BENCH_CLUSTER_EMITS' },
];

/**
 * Issue 15 §5: fan-out deliveries per second over two API nodes on the Redis Cluster against the
 * same on one Redis, in one run (goal ≥ ×0.8). Each target gets its own deployment (two API nodes
 * and a worker process, child processes), started side by side; the rounds alternate between them
 * (one Redis first, then the cluster first …) so that a drift in the machine's load hits both.
 * Uses the Redis it is given and starts none: without the cluster (or the one Redis) it prints why
 * and skips.
 */
export async function runRedisClusterBench(): Promise<void> {
  const members = setting('BENCH_CLUSTER_MEMBERS', 100);
  const senders = setting('BENCH_CLUSTER_SENDERS', 8);
  const rounds = setting('BENCH_CLUSTER_ROUNDS', 3);
  const sizes = {
    app: setting('BENCH_CLUSTER_MESSAGES', 300),
    emitter: setting('BENCH_CLUSTER_EMITS', 2000),
  };
  const targets = [oneRedis(), redisCluster()];
  for (const target of targets) {
    const why = await unreachable(target);
    if (why === null) continue;
    console.log(`\nRedis Cluster section skipped: ${target.label} does not answer (${why}).`);
    for (const t of targets) t.client.disconnect();
    return;
  }
  const deployments = targets.map((target) => new Deployment(target));
  const runs = new Map<string, RateRun[]>();
  try {
    const tag = randomBytes(3).toString('hex');
    for (const [i, d] of deployments.entries()) {
      progress(`redis-cluster: ${d.target.label}: 2 API nodes, a worker, ${members} sockets`);
      await d.start(members, `rc${i}-${tag}`);
    }
    progress('redis-cluster: warm-up');
    for (const d of deployments) for (const { path } of PATHS) await fanoutRate(d, path, 20, senders);
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 === 0 ? deployments : [...deployments].reverse();
      for (const { path, label } of PATHS) {
        for (const d of order) {
          progress(`redis-cluster: round ${round + 1}, ${label}, ${d.target.label}`);
          const key = `${path} ${d.target.label}`;
          runs.set(key, [...(runs.get(key) ?? []), await fanoutRate(d, path, sizes[path], senders)]);
        }
      }
    }
  } finally {
    for (const d of deployments) await d.stop();
    for (const t of targets) t.client.disconnect();
    await dropBenchDatabases();
  }
  printFigures(
    runs,
    targets.map((t) => t.label),
    { members, senders, rounds, sizes },
  );
}

function printFigures(
  runs: Map<string, RateRun[]>,
  [one, cluster]: string[],
  size: { members: number; senders: number; rounds: number; sizes: Record<Path, number> },
): void {
  const rows = PATHS.map(({ path, label }) => {
    const [a, b] = [runs.get(`${path} ${one}`) ?? [], runs.get(`${path} ${cluster}`) ?? []];
    const failed = [...a, ...b].reduce((n, r) => n + r.failed, 0);
    return [
      `${label}, ${int(size.sizes[path])} messages${failed ? ` (${failed} failed)` : ''}`,
      spread(a.map((r) => r.deliveriesPerSecond)),
      spread(b.map((r) => r.deliveriesPerSecond)),
      `${ratio(median(b.map((r) => r.deliveriesPerSecond)) / median(a.map((r) => r.deliveriesPerSecond)))} (goal ≥ ×0.8)`,
      `${median(a.map((r) => r.commandsPerMessage)).toFixed(1)} · ${median(b.map((r) => r.commandsPerMessage)).toFixed(1)}`,
    ];
  });
  printTable(
    `Redis Cluster: fan-out over two API nodes, one channel of ${int(size.members)} members (a /ws/chat socket each, half on each node), ${size.senders} senders at a time; deliveries per second (each member's copy counts), median of ${size.rounds} rounds (min–max)\n\none Redis: ${one}; cluster: ${cluster}`,
    [
      'path',
      'one Redis',
      'Redis Cluster',
      'cluster / one Redis',
      'Redis commands per message (one · cluster)',
    ],
    rows,
  );
  for (const label of [one, cluster]) {
    const last = runs.get(`app ${label}`)?.at(-1);
    if (!last) continue;
    // The largest, and WAIT (what a cluster adds: an enqueue waits for a replica) wherever it ranks.
    const shown = last.commands.entries().filter(([command], i) => i < 8 || command === 'wait');
    const perMessage = shown.map(([command, n]) => `${(n / size.sizes.app).toFixed(1)} ${command}`);
    console.log(
      `\n   app send path on ${label}, commands per message (last round): ${perMessage.join(', ')}`,
    );
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
}

function spread(values: number[]): string {
  if (values.length === 0) return '';
  return `${int(median(values))} (${int(Math.min(...values))}–${int(Math.max(...values))})`;
}
