import { randomBytes } from 'node:crypto';
import { freePort } from '../../test/support/free-port';
import { ChatHttp, createTenant } from '../hot-paths/chat-http';
import { benchEnv, dropBenchDatabases, PrivateRedis, progress, setting } from '../hot-paths/env';
import { Child } from '../hot-paths/processes/child';
import { ms, printTable, ratio } from '../hot-paths/report';
import { measureOverhead, type OverheadFigures } from './overhead';
import { measureResync, type ResyncFigures } from './resync';

/**
 * The SDK (sdk/, issue 12 §3) against an API child process on FerretDB and a private Redis:
 * 1. CPU per delivered message of SDK clients against bare socket.io-client sockets on the same
 *    stream, with the work each did (BENCH_SDK_CLIENTS per side, 20; BENCH_SDK_MESSAGES, 5,000);
 * 2. the time an SDK client takes to catch up on BENCH_SDK_MISSED (1,000) messages missed while away.
 */
export async function runSdkBench(): Promise<void> {
  const redis = await PrivateRedis.start();
  const env = benchEnv(redis.url);
  const port = await freePort();
  const api = await Child.start(require.resolve('../hot-paths/processes/app-process.ts'), ['api'], {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    const { slug } = await createTenant(url, `sdk-${randomBytes(3).toString('hex')}`);
    const owner = await ChatHttp.as(url, slug, 'owner');
    const overhead = await measureOverhead(
      url,
      owner,
      { url: redis.url, keyPrefix: env.REDIS_KEY_PREFIX },
      {
        clients: setting('BENCH_SDK_CLIENTS', 20),
        warmup: 1_000,
        messages: setting('BENCH_SDK_MESSAGES', 5_000),
      },
    );
    const resync = await measureResync(
      url,
      owner,
      await ChatHttp.as(url, slug, 'reader'),
      setting('BENCH_SDK_MISSED', 1_000),
    );
    printOverhead(overhead);
    printResync(resync);
  } finally {
    await api.stop();
    redis.stop();
    progress('sdk: dropping the bench databases');
    await dropBenchDatabases();
  }
}

function printOverhead({ clients, messages, raw, sdk }: OverheadFigures): void {
  const perMessage = (r: typeof raw) => r.cpuMicros / r.deliveries;
  const row = (label: string, r: typeof raw, extra: string[]) => [
    label,
    String(r.deliveries),
    perMessage(r).toFixed(1),
    (r.received / r.deliveries).toFixed(2),
    ...extra,
    String(r.restCalls),
  ];
  printTable(
    `SDK 1. CPU per delivered message, ${clients} clients per side, the same stream of ${messages} messages (goal: SDK ≤ ×1.2 the raw client)`,
    [
      'client',
      'deliveries',
      'CPU µs / message',
      'events received / message',
      'duplicates',
      'held for a gap',
      'history pages',
      'REST calls',
    ],
    [
      row('raw socket.io-client (baseline)', raw, ['–', '–', '–']),
      row('SDK (ordered, deduplicated)', sdk, [
        String(sdk.duplicates),
        String(sdk.held),
        String(sdk.pagesRead),
      ]),
    ],
  );
  console.log(`\nSDK / raw CPU per message: ${ratio(perMessage(sdk) / perMessage(raw))}`);
}

function printResync(r: ResyncFigures): void {
  printTable(
    `SDK 2. Catching up on ${r.missed} messages missed while away`,
    ['client', 'ms', 'history pages'],
    [
      ['SDK: network back → last missed message delivered', ms(r.sdkMs), String(r.pages)],
      ['SDK: reconnected → last missed message delivered', ms(r.catchUpMs), String(r.pages)],
      [
        'bare fetch loop over the same pages, before the SDK (baseline)',
        ms(r.rawMs.before),
        String(r.rawPages),
      ],
      [
        'bare fetch loop over the same pages, after the SDK (baseline)',
        ms(r.rawMs.after),
        String(r.rawPages),
      ],
    ],
  );
}
