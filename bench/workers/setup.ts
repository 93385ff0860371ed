import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import mongoose from 'mongoose';
import type { TenantContext } from '../../src/adapters/tenancy/tenant-context';

const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** The prefixes this run handed out, removed by `cleanUpBenchData`. */
const created: Array<{ db: string; keys: string }> = [];

/** A private database prefix and Redis key prefix for one bench run. */
export function benchEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const id = randomBytes(3).toString('hex');
  created.push({ db: `bench${id}_`, keys: `chat-bench-${id}` });
  return {
    MONGO_URL,
    REDIS_URL,
    MONGO_DB_PREFIX: `bench${id}_`,
    REDIS_KEY_PREFIX: `chat-bench-${id}`,
    ADMIN_TOKEN: 'bench-admin-token-0123456789',
    JWT_SECRET: 'bench-jwt-secret-0123456789-0123456789-abcdef',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_USER_PER_MINUTE: '1000000',
    RATE_LIMIT_TENANT_PER_MINUTE: '10000000',
    ...overrides,
  };
}

/** A group channel of ana, ben and cleo. */
export async function groupChannel(context: TenantContext): Promise<string> {
  const { channel } = await context.useCases.createChannel.execute({
    userId: 'ana',
    channel_type: 'group',
    name: 'bench',
    participant_ids: ['ben', 'cleo'],
  });
  return channel.id;
}

/** Runs `task(i)` for i < count, `concurrency` at a time. */
export async function pooled(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);

/** Drops the databases and Redis keys of every benchEnv() of this run. */
export async function cleanUpBenchData(): Promise<void> {
  const connection = await mongoose.createConnection(MONGO_URL).asPromise();
  const redis = new Redis(REDIS_URL);
  try {
    const { databases } = await connection.db!.admin().listDatabases({ nameOnly: true });
    for (const { name } of databases) {
      if (created.some((c) => name.startsWith(c.db))) await connection.useDb(name).dropDatabase();
    }
    for (const { keys } of created) {
      for await (const batch of redis.scanStream({ match: `${keys}:*`, count: 1000 }) as AsyncIterable<
        string[]
      >) {
        if (batch.length) await redis.unlink(...batch);
      }
    }
  } finally {
    redis.disconnect();
    await connection.close();
  }
}
