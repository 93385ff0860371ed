import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import mongoose from 'mongoose';
import { Tally } from '../../test/support/command-tally';
import { QUIET_ENV } from '../../test/support/command-counter';
import { freePort } from '../../test/support/free-port';
import { TEST_ADMIN_TOKEN, TEST_JWT_SECRET } from '../../test/support/test-env';

export const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';

/** A figure from the environment (BENCH_TENANT_MESSAGES=1000000 …), or its default. */
export function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw.replace(/_/g, ''));
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number (got ${raw})`);
  return value;
}

/** One line of progress on stderr, with the seconds since the bench started. */
const startedAt = performance.now();
export function progress(line: string): void {
  process.stderr.write(`  [${((performance.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
}

/** A redis-server of the bench's own (no persistence): its INFO commandstats count only this run. */
export class PrivateRedis {
  private constructor(
    readonly url: string,
    private readonly child: ReturnType<typeof spawn>,
    readonly admin: Redis,
  ) {}

  static async start(): Promise<PrivateRedis> {
    const port = await freePort();
    const child = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    const url = `redis://127.0.0.1:${port}`;
    const admin = new Redis(url, { lazyConnect: true, retryStrategy: () => 100, connectionName: 'bench' });
    admin.on('error', () => undefined);
    for (let i = 0; i < 100 && !(await admin.ping().catch(() => null)); i++)
      await new Promise((r) => setTimeout(r, 50));
    await admin.ping();
    return new PrivateRedis(url, child, admin);
  }

  /** Cumulative calls per command since the server started (commands run inside scripts included). */
  async commandStats(): Promise<Tally> {
    const info = (await this.admin.info('commandstats')) as string;
    const tally = new Tally();
    for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm))
      tally.add(match[1], Number(match[2]));
    return tally;
  }

  stop(): void {
    this.admin.disconnect();
    this.child.kill();
  }
}

/**
 * The environment of every process of this run: its own database prefix (dropped at the end), the
 * private Redis, limits out of the way (the bench measures costs, not the rate limiter) and the
 * timers of QUIET_ENV off the measured windows.
 */
export function benchEnv(redisUrl: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    MONGO_URL,
    REDIS_URL: redisUrl,
    MONGO_DB_PREFIX: DB_PREFIX,
    REDIS_KEY_PREFIX: 'chat-bench',
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_USER_PER_MINUTE: '1000000',
    RATE_LIMIT_TENANT_PER_MINUTE: '10000000',
    SOCKET_EVENTS_PER_SECOND: '10000',
    SOCKET_EVENTS_BURST: '100000',
    ...QUIET_ENV,
    ...(process.env.WORKER_CONCURRENCY ? { WORKER_CONCURRENCY: process.env.WORKER_CONCURRENCY } : {}),
    ...overrides,
  };
}

/** The database prefix of this run: `hp<random>_`, never a test's (`t<random>_`). */
export const DB_PREFIX = `hp${randomBytes(3).toString('hex')}_`;

/** Drops every database of this run. */
export async function dropBenchDatabases(): Promise<void> {
  const connection = await mongoose.createConnection(MONGO_URL).asPromise();
  try {
    const { databases } = await connection.db!.admin().listDatabases({ nameOnly: true });
    for (const { name } of databases)
      if (name.startsWith(DB_PREFIX)) await connection.useDb(name).dropDatabase();
  } finally {
    await connection.close();
  }
}
