import { freePort } from '../../test/support/free-port';
import { createTenant } from './chat-http';
import { CountedApp } from './counted-app';
import { measureCounts } from './counts';
import { benchEnv, dropBenchDatabases, MONGO_URL, PrivateRedis, progress, setting } from './env';
import { fillerChannels, inboxUser } from './fixtures';
import { Child } from './processes/child';
import { drained } from './queues';
import { measureReads } from './reads';
import { int, printCounts } from './report';
import { printReads, printRest, printSockets } from './report-timings';
import { measureRestThroughput } from './rest-throughput';
import { seedMessages } from './seed-messages';
import { measureSocketDelivery } from './socket-delivery';

const MESSAGES = setting('BENCH_TENANT_MESSAGES', 1_000_000);
const CHANNELS = setting('BENCH_USER_CHANNELS', 1_000);
const SECONDS = setting('BENCH_SECONDS', 10);
const IN_FLIGHT = 32;
/** Which halves run: `in-process` (tables 1 and 4), `timed` (tables 2 and 3); both by default. */
const PARTS = (process.env.BENCH_HOT_PATHS ?? 'in-process,timed').split(',');

/**
 * Issue 10 §5 in one run (docs/performance.md): 1. commands per operation and 4. read times, on an
 * API node and a worker process built in this process, each with its own CommandCounter; then
 * 2. REST throughput and 3. socket delivery against an API and a worker as child processes (their
 * own event loops). Everything on FerretDB under a database prefix of its own and a private Redis.
 */
export async function runHotPaths(): Promise<void> {
  const redis = await PrivateRedis.start();
  const env = benchEnv(redis.url);
  try {
    progress(`hot paths: databases ${env.MONGO_DB_PREFIX}*, private Redis ${redis.url}`);
    if (PARTS.includes('in-process')) await inProcess(env, redis);
    if (PARTS.includes('timed')) await inChildProcesses(env, redis);
  } finally {
    redis.stop();
    progress('hot paths: dropping the bench databases');
    await dropBenchDatabases();
  }
}

async function inProcess(env: Record<string, string>, redis: PrivateRedis): Promise<void> {
  const app = await CountedApp.start(env, redis);
  try {
    const url = app.url;
    const [counts, small, big] = await Promise.all(
      ['counts', 'small', 'big'].map((s) => createTenant(url, s)),
    );
    progress(`fixtures: through the API, in parallel; a user in ${int(CHANNELS)} channels is the longest`);
    const [inTen, inMany, smallUser, bigUser, filler] = await Promise.all([
      inboxUser(url, counts.slug, 'a10', 10, 200),
      inboxUser(url, counts.slug, 'a1000', CHANNELS, 200),
      inboxUser(url, small.slug, 'a10', 10, 200),
      inboxUser(url, big.slug, 'a10', 10, 200),
      fillerChannels(url, big.slug, 10),
    ]);
    await app.settled();
    progress('fixtures: done');
    printCounts(await measureCounts(app, counts.slug, { small: inTen, large: inMany }));

    const seedStarted = performance.now();
    progress(`big tenant: seeding ${int(MESSAGES)} messages with insertMany`);
    await seedMessages({
      mongoUrl: MONGO_URL,
      database: big.database,
      channelIds: filler,
      count: MESSAGES,
      onProgress: (n) => n % 100_000 === 0 && progress(`big tenant: ${int(n)} messages`),
    });
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    progress(`big tenant: seeded in ${seedSeconds.toFixed(0)} s; reads of the four users in turn`);
    const [small_, big_, inTen_, inMany_] = await measureReads([smallUser, bigUser, inTen, inMany]);
    printReads({ small: small_, big: big_, inTen: inTen_, inMany: inMany_ }, int(MESSAGES), int(CHANNELS));
    console.log(`\n   seeding ${int(MESSAGES)} messages took ${seedSeconds.toFixed(0)} s`);
  } finally {
    await app.stop();
  }
}

async function inChildProcesses(env: Record<string, string>, redis: PrivateRedis): Promise<void> {
  const port = await freePort();
  const childEnv = { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  const script = require.resolve('./processes/app-process.ts');
  const children: Child[] = [];
  try {
    children.push(await Child.start(script, ['api'], childEnv));
    children.push(await Child.start(script, ['worker'], childEnv));
    const apiUrl = `http://127.0.0.1:${port}`;
    const load = await createTenant(apiUrl, 'load');
    const workersDone = () => drained(redis.admin, env.REDIS_KEY_PREFIX);
    const db = { url: MONGO_URL, name: load.database };
    printRest(await measureRestThroughput(apiUrl, load.slug, db, SECONDS, IN_FLIGHT, workersDone), IN_FLIGHT);
    const redisTarget = { url: redis.url, keyPrefix: env.REDIS_KEY_PREFIX };
    printSockets(await measureSocketDelivery(apiUrl, load.slug, redisTarget, SECONDS, workersDone));
  } finally {
    for (const child of children.reverse()) await child.stop().catch(() => undefined);
  }
}
