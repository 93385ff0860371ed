import { cleanUpBenchData, fmt, percentile } from './setup';
import { measureLag, summary } from './lag';
import { measureThroughput } from './throughput';

/**
 * The workers' figures, each quoted against a baseline measured in the same run:
 * 1. Throughput per queue: jobs/s of the real processor vs a no-op processor on the same queue
 *    (same jobs, same concurrency, same Redis): the ratio is the share of the time spent in BullMQ
 *    itself, the rest is the use case on FerretDB.
 * 2. Lag under a burst of `burst` sends: send → unread.update at the recipient, vs send →
 *    chat.message at the same recipient (the same Redis fan-out without a queue).
 */
export async function runWorkersBench(messages: number, burst: number, concurrency: number): Promise<void> {
  try {
    console.log(`\nworkers bench: ${messages} jobs per queue, burst of ${burst}, concurrency ${concurrency}`);
    console.log('\n1. throughput per queue (jobs/s; baseline: no-op processor on the same queue)');
    for (const r of await measureThroughput(messages, concurrency)) {
      console.log(
        `  ${r.queue.padEnd(14)} ${String(r.jobs).padStart(5)} jobs  real ${fmt(r.real).padStart(7)}/s  no-op ${fmt(r.noop).padStart(7)}/s  real = ${fmt((r.real / r.noop) * 100)}% of no-op`,
      );
    }
    console.log(`\n2. lag under a burst of ${burst} sends (baseline: chat.message to the same socket)`);
    const lag = await measureLag(burst, concurrency);
    console.log(`  unread.update  ${summary(lag.unreadUpdate)}`);
    console.log(`  chat.message   ${summary(lag.chatMessage)}`);
    const ratio = (p: number) => fmt(percentile(lag.unreadUpdate, p) / percentile(lag.chatMessage, p), 2);
    console.log(`  ratio unread.update / chat.message: p50 ×${ratio(50)}, p95 ×${ratio(95)}`);
    console.log(`  last unread.update ${fmt(lag.drainSeconds, 2)} s after the first send`);
  } finally {
    await cleanUpBenchData();
  }
}
