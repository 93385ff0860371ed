import { randomBytes } from 'node:crypto';
import type { TenantContext } from '../../src/adapters/tenancy/tenant-context';

/** A private database prefix and Redis key prefix for one bench run. */
export function benchEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const id = randomBytes(3).toString('hex');
  return {
    MONGO_URL: process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017',
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
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
