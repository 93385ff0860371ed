/**
 * `npm run bench`: the workers' figures on this machine, each quoted against a baseline measured in
 * the same run (needs FerretDB and Redis: scripts/services.sh up).
 *
 *   npx tsx bench/run.ts [messages=500] [burst=1000] [concurrency=8]
 *
 * 1. Throughput per queue: jobs/s of the real processor vs a no-op processor on the same queue
 *    (same jobs, same concurrency, same Redis): the ratio is the share of the time spent in BullMQ
 *    itself, the rest is the use case on FerretDB.
 * 2. Lag under a burst of `burst` sends: send → unread.update at the recipient, vs send →
 *    chat.message at the same recipient (the same Redis fan-out without a queue).
 * `npm run bench` then runs bench/realtime-adapters.ts (classic vs sharded Socket.IO Redis adapter).
 */
import { cleanUpBenchData, fmt, percentile } from './workers/setup';
import { measureLag, summary } from './workers/lag';
import { measureThroughput } from './workers/throughput';

const [MESSAGES, BURST, CONCURRENCY] = [500, 1000, 8].map((d, i) => Number(process.argv[2 + i] ?? d));

async function main(): Promise<void> {
  console.log(`workers bench: ${MESSAGES} jobs per queue, burst of ${BURST}, concurrency ${CONCURRENCY}`);
  console.log('\n1. throughput per queue (jobs/s; baseline: no-op processor on the same queue)');
  for (const r of await measureThroughput(MESSAGES, CONCURRENCY)) {
    console.log(
      `  ${r.queue.padEnd(14)} ${String(r.jobs).padStart(5)} jobs  real ${fmt(r.real).padStart(7)}/s  no-op ${fmt(r.noop).padStart(7)}/s  real = ${fmt((r.real / r.noop) * 100)}% of no-op`,
    );
  }
  console.log(`\n2. lag under a burst of ${BURST} sends (baseline: chat.message to the same socket)`);
  const lag = await measureLag(BURST, CONCURRENCY);
  console.log(`  unread.update  ${summary(lag.unreadUpdate)}`);
  console.log(`  chat.message   ${summary(lag.chatMessage)}`);
  const ratio = (p: number) => fmt(percentile(lag.unreadUpdate, p) / percentile(lag.chatMessage, p), 2);
  console.log(`  ratio unread.update / chat.message: p50 ×${ratio(50)}, p95 ×${ratio(95)}`);
  console.log(`  last unread.update ${fmt(lag.drainSeconds, 2)} s after the first send`);
}

main()
  .finally(() => cleanUpBenchData())
  .then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
