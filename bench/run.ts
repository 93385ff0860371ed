/**
 * `npm run bench`: figures on this machine, each beside a baseline measured in the same run (needs
 * FerretDB and Redis: scripts/services.sh up; the hot paths start a redis-server of their own).
 *
 *   npx tsx bench/run.ts [messages=500] [burst=1000] [concurrency=8]
 *
 * 1. The hot paths of issue 10 (bench/hot-paths/main.ts, docs/performance.md): commands per
 *    operation, REST send throughput, socket delivery, read times in a big tenant and for a user in
 *    many channels. Sizes: BENCH_TENANT_MESSAGES (1,000,000), BENCH_USER_CHANNELS (1,000),
 *    BENCH_SECONDS per timed run (10), BENCH_SOCKETS (1,500), BENCH_COUNT_REPEATS (3),
 *    BENCH_READ_REPEATS (5).
 * 2. The workers (bench/workers/main.ts, docs/workers.md): throughput per queue against a no-op
 *    processor, and the unread.update lag under a burst of sends; the positional arguments size it.
 * 3. The SDK (bench/sdk/main.ts, sdk/README.md): CPU per delivered message against bare
 *    socket.io-client on the same stream, and the time to catch up on 1,000 missed messages.
 *    Sizes: BENCH_SDK_CLIENTS (20 per side), BENCH_SDK_MESSAGES (5,000), BENCH_SDK_MISSED (1,000).
 * 4. Message search (bench/search/main.ts, docs/contract.md "Search"): GET search/ latency in a tenant
 *    of BENCH_SEARCH_MESSAGES (100,000) messages, beside the raw driver's postings lookup and a naive
 *    regex scan. BENCH_SEARCH_QUERIES (200).
 * 5. Data rights exports (bench/export/main.ts, docs/performance.md): RSS growth, time and MongoDB
 *    commands of a tenant export of BENCH_EXPORT_MESSAGES (100,000) messages in BENCH_EXPORT_CHANNELS
 *    (10) channels, against a raw driver cursor over the same messages, and a user's export.
 * 6. Redis Cluster (bench/redis-cluster/main.ts, docs/performance.md "Redis Cluster"): fan-out
 *    deliveries per second over two API nodes on the Redis Cluster against the same on one Redis, and
 *    Redis commands per message. Uses the cluster of BENCH_REDIS_CLUSTER_NODES (else
 *    TEST_REDIS_CLUSTER_NODES, else 127.0.0.1:7100-7105: scripts/services.sh cluster up) and the one
 *    Redis of BENCH_REDIS_URL (else REDIS_URL, else :6379); skipped, saying so, when one does not
 *    answer. Sizes: BENCH_CLUSTER_MEMBERS (100), BENCH_CLUSTER_MESSAGES (300), BENCH_CLUSTER_EMITS
 *    (2,000), BENCH_CLUSTER_SENDERS (8), BENCH_CLUSTER_ROUNDS (3).
 * BENCH_SECTIONS=hot-paths, =workers, =sdk, =search, =export or =redis-cluster runs one of them (a comma-separated list, several). `npm run bench` then runs
 * bench/realtime-adapters.ts (classic vs sharded Socket.IO Redis adapter).
 */
import { runExportBench } from './export/main';
import { runHotPaths } from './hot-paths/main';
import { runRedisClusterBench } from './redis-cluster/main';
import { runSdkBench } from './sdk/main';
import { runSearchBench } from './search/main';
import { runWorkersBench } from './workers/main';

const [MESSAGES, BURST, CONCURRENCY] = [500, 1000, 8].map((d, i) => Number(process.argv[2 + i] ?? d));
const SECTIONS = (process.env.BENCH_SECTIONS ?? 'hot-paths,workers,sdk,search,export,redis-cluster').split(
  ',',
);

async function main(): Promise<void> {
  const started = performance.now();
  if (SECTIONS.includes('hot-paths')) await runHotPaths();
  if (SECTIONS.includes('workers')) await runWorkersBench(MESSAGES, BURST, CONCURRENCY);
  if (SECTIONS.includes('sdk')) await runSdkBench();
  if (SECTIONS.includes('search')) await runSearchBench();
  if (SECTIONS.includes('export')) await runExportBench();
  if (SECTIONS.includes('redis-cluster')) await runRedisClusterBench();
  console.log(`\nbench/run.ts took ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
