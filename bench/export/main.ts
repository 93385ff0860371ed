import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { TEST_ADMIN_TOKEN } from '../../test/support/test-env';
import { ChatHttp, createTenant } from '../hot-paths/chat-http';
import { benchEnv, dropBenchDatabases, MONGO_URL, PrivateRedis, progress, setting } from '../hot-paths/env';
import { int, printTable } from '../hot-paths/report';
import type { Command, Report } from './export-process';
import { seedChannels } from './seed';

const MESSAGES = setting('BENCH_EXPORT_MESSAGES', 100_000);
const CHANNELS = setting('BENCH_EXPORT_CHANNELS', 10);
const MB = 1024 * 1024;

interface Run {
  label: string;
  lines: number;
  bytes: number;
  seconds: number;
  report: Report;
}

/**
 * Issue 14 §3: a tenant export (GET /api/admin/tenants/{slug}/export) of BENCH_EXPORT_MESSAGES
 * messages (100,000) in BENCH_EXPORT_CHANNELS channels (10), streamed by an API child process, against
 * a raw driver cursor over the same messages in a child of its own (the baseline); then the export of
 * the one user who wrote them all (in a fresh API process: RSS does not shrink after the first
 * export). Each row: RSS growth of its process (peak over the RSS measured after a GC just before),
 * the heap still in use after a GC at the end (what the run kept), time, and MongoDB commands (driver
 * command monitoring). Goal: the tenant export stays under 100 MB of RSS growth.
 */
export async function runExportBench(): Promise<void> {
  const redis = await PrivateRedis.start();
  const env = benchEnv(redis.url);
  const api = await Forked.start('api', env);
  const baseline = await Forked.start('baseline', env);
  try {
    const url = `http://127.0.0.1:${api.port}`;
    const { slug, database } = await createTenant(url, `export-${randomBytes(3).toString('hex')}`);
    const owner = await ChatHttp.as(url, slug, 'u0');
    const channelIds: string[] = [];
    for (let c = 0; c < CHANNELS; c++) {
      const id = await owner.group(['u1', 'u2', 'u3'], `export ${c}`);
      await owner.send(
        id,
        `message of about two hundred characters, as chat messages go: ${'lorem ipsum '.repeat(12)}`,
      );
      channelIds.push(id);
    }
    progress(`export: seeding ${int(MESSAGES)} messages in ${CHANNELS} channels with insertMany`);
    await seedChannels(MONGO_URL, database, channelIds, MESSAGES, (n) => {
      if (n % 20_000 === 0) progress(`export: ${int(n)} messages`);
    });
    const runs: Run[] = [];
    progress('export: the raw driver cursor (baseline)');
    runs.push(
      await measure(baseline, 'raw driver cursor over messages (baseline)', async () => {
        return (await baseline.request({ cmd: 'baseline', database })) as { lines: number; bytes: number };
      }),
    );
    progress('export: the tenant export through the API');
    runs.push(
      await measure(api, 'GET tenants/{slug}/export', () =>
        download(`${url}/api/admin/tenants/${slug}/export`),
      ),
    );
    progress('export: the export of the user who wrote every message (a fresh API process)');
    const fresh = await Forked.start('api', env);
    try {
      const freshUrl = `http://127.0.0.1:${fresh.port}`;
      // Its first touch of the tenant provisions it (collections, indexes): not part of the export.
      await download(`${freshUrl}/api/admin/tenants/${slug}/users/nobody/export`);
      runs.push(
        await measure(fresh, 'GET tenants/{slug}/users/u0/export', () =>
          download(`${freshUrl}/api/admin/tenants/${slug}/users/u0/export`),
        ),
      );
    } finally {
      await fresh.stop();
    }
    print(runs);
  } finally {
    await api.stop();
    await baseline.stop();
    redis.stop();
    progress('export: dropping the bench databases');
    await dropBenchDatabases();
  }
}

async function measure(
  process: Forked,
  label: string,
  run: () => Promise<{ lines: number; bytes: number }>,
): Promise<Run> {
  await process.request({ cmd: 'mark' });
  const started = performance.now();
  const { lines, bytes } = await run();
  const seconds = (performance.now() - started) / 1000;
  return { label, lines, bytes, seconds, report: (await process.request({ cmd: 'report' })) as Report };
}

/** Reads the export as a client would, keeping nothing but the counts (and checking its last line). */
async function download(url: string): Promise<{ lines: number; bytes: number }> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
  if (res.status !== 200 || !res.body) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  let [lines, bytes, tail] = [0, 0, ''];
  for await (const chunk of res.body) {
    const text = Buffer.from(chunk).toString('utf8');
    bytes += chunk.byteLength;
    for (const ch of text) if (ch === '\n') lines += 1;
    tail = (tail + text).slice(-2_000);
  }
  const last = JSON.parse(tail.trimEnd().split('\n').at(-1)!) as { type: string };
  if (last.type !== 'end') throw new Error(`${url}: the export ended with ${JSON.stringify(last)}`);
  return { lines, bytes };
}

function print(runs: Run[]): void {
  const mongo = (r: Report) => r.mongo.reduce((sum, [, n]) => sum + n, 0);
  const top = (r: Report) =>
    r.mongo
      .slice(0, 3)
      .map(([key, n]) => `${int(n)} ${key}`)
      .join(', ');
  printTable(
    `Export of a tenant with ${int(MESSAGES)} messages in ${CHANNELS} channels (goal: under 100 MB of RSS growth)`,
    [
      'run',
      'lines',
      'MB written',
      'seconds',
      'lines / s',
      'RSS before (MB)',
      'RSS growth (MB)',
      'heap peak growth (MB)',
      'heap kept (MB)',
      'MongoDB commands',
      'largest',
    ],
    runs.map(({ label, lines, bytes, seconds, report }) => [
      label,
      int(lines),
      (bytes / MB).toFixed(1),
      seconds.toFixed(1),
      int(Math.round(lines / seconds)),
      (report.rssBefore / MB).toFixed(0),
      ((report.rssPeak - report.rssBefore) / MB).toFixed(1),
      (report.heapPeakGrowth / MB).toFixed(1),
      (report.heapKept / MB).toFixed(1),
      int(mongo(report)),
      top(report),
    ]),
  );
}

/** A forked bench/export/export-process.ts, asked one thing at a time over IPC. */
class Forked {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static async start(kind: 'api' | 'baseline', env: Record<string, string>): Promise<Forked> {
    const child = fork(require.resolve('./export-process.ts'), [kind], {
      execArgv: ['--expose-gc', '--require', 'tsx/cjs'],
      env: { PATH: process.env.PATH, ...env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const ready = await new Promise<{ port?: number }>((resolve, reject) => {
      child.once('message', (m: { ready?: boolean; port?: number }) => resolve(m));
      child.once('exit', (code) => reject(new Error(`export-process ${kind} exited with ${code}`)));
    });
    return new Forked(child, ready.port ?? 0);
  }

  request(command: Command): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.child.once('message', (m: { reply?: unknown; error?: string }) =>
        m.error ? reject(new Error(m.error)) : resolve(m.reply),
      );
      this.child.send(command);
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send('stop');
    await exited;
  }
}
