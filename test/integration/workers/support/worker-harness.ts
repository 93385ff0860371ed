import { randomBytes } from 'node:crypto';
import type { Container, ContainerModule } from 'inversify';
import { Redis } from 'ioredis';
import type { MongoDatabases } from '../../../../src/adapters/persistence/mongo/mongo-databases';
import type { BullMqQueues } from '../../../../src/adapters/queue/bullmq-queues';
import type { RedisConnections } from '../../../../src/adapters/redis/redis-connections';
import type { TenantContext, TenantContexts } from '../../../../src/adapters/tenancy/tenant-context';
import type { TenantDirectory } from '../../../../src/application/ports/tenant-directory.port';
import { newTenant } from '../../../../src/domain/tenant/tenant';
import type { Config } from '../../../../src/main/config';
import { buildContainer, type ProcessKind } from '../../../../src/main/container';
import type { Lifecycle } from '../../../../src/main/lifecycle';
import { TOKENS } from '../../../../src/main/tokens';
import { REDIS_URL, RUN_DB_PREFIX, testConfig, testEnv, uniqueSlug } from '../../../support/test-env';

/** Short locks and sweeps, so that recovery (stalled jobs, abandoned sends) happens within a test. */
export const FAST_RECOVERY = {
  WORKER_LOCK_DURATION_MS: '2000',
  WORKER_STALLED_INTERVAL_MS: '1000',
  OUTBOX_SWEEP_INTERVAL_MS: '300',
  OUTBOX_MIN_AGE_MS: '1000',
};

/** The environment of one test: its own Redis key prefix (queues, locks, counters), as BullMQ's suite does. */
export function workerTestEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return testEnv({
    REDIS_KEY_PREFIX: `chat-${RUN_DB_PREFIX}${randomBytes(3).toString('hex')}`,
    ...FAST_RECOVERY,
    ...overrides,
  });
}

export interface HarnessOptions {
  kind?: ProcessKind;
  extra?: ContainerModule[];
  /** Connect only, start no lifecycle: a process that enqueues jobs but runs no worker. */
  producerOnly?: boolean;
}

/** A process's container, started as the worker (or API) process starts it, with helpers for tests. */
export class WorkerHarness {
  private parts: Lifecycle[] = [];

  private constructor(
    readonly container: Container,
    readonly config: Config,
  ) {}

  static async start(env: Record<string, string>, options: HarnessOptions = {}) {
    const config = testConfig(env);
    const extra = options.extra ?? [];
    const harness = new WorkerHarness(buildContainer(config, options.kind ?? 'worker', extra), config);
    await harness.container.get<MongoDatabases>(TOKENS.Mongo).connect();
    await harness.container.get<RedisConnections>(TOKENS.Redis).waitUntilReady(5_000);
    if (options.producerOnly) return harness;
    harness.parts = harness.container.getAll<Lifecycle>(TOKENS.Lifecycle);
    for (const part of harness.parts) await part.start();
    return harness;
  }

  get contexts(): TenantContexts {
    return this.container.get<TenantContexts>(TOKENS.TenantContexts);
  }

  get queues(): BullMqQueues {
    return this.container.get<BullMqQueues>(TOKENS.Queues);
  }

  /** Registers a tenant of its own for the test and returns its context. */
  async createTenant(label = 'workers'): Promise<TenantContext> {
    const slug = uniqueSlug(label);
    await this.container
      .get<TenantDirectory>(TOKENS.TenantDirectory)
      .create(newTenant(slug, slug, new Date()));
    return this.contexts.forSlug(slug);
  }

  async stop(): Promise<void> {
    for (const part of [...this.parts].reverse()) await part.stop();
    await this.container.get<RedisConnections>(TOKENS.Redis).close();
    await this.container.get<MongoDatabases>(TOKENS.Mongo).close();
  }
}

const BUSY = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'paused'] as const;

/**
 * Resolves once every queue has been idle (nothing waiting, active or delayed) on two reads in a
 * row. Polls job counts: there is no single event for "all four queues are empty", and a job can
 * enqueue another (notifications → webhooks).
 */
export async function drained(queues: BullMqQueues, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let idleReads = 0;
  while (idleReads < 2) {
    if (Date.now() > deadline)
      throw new Error(`queues not drained after ${timeoutMs} ms: ${await describe(queues)}`);
    const counts = await Promise.all(queues.all.map((q) => q.getJobCounts(...BUSY)));
    const busy = counts.reduce((sum, c) => sum + BUSY.reduce((s, state) => s + (c[state] ?? 0), 0), 0);
    idleReads = busy === 0 ? idleReads + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function describe(queues: BullMqQueues): Promise<string> {
  const counts = await Promise.all(
    queues.all.map(async (q) => [q.name, await q.getJobCounts(...BUSY)] as const),
  );
  return JSON.stringify(Object.fromEntries(counts));
}

/** Deletes every Redis key of a test's prefix (its queues, locks and counters). */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    for (let rounds = 0; rounds < 10_000; rounds += 1) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
  } finally {
    redis.disconnect();
  }
}
