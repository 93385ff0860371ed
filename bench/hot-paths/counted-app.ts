import { Redis } from 'ioredis';
import { register } from 'prom-client';
import { ApiNode } from '../../src/main/api-node';
import { loadConfig } from '../../src/main/config';
import { buildContainer } from '../../src/main/container';
import { startWorkerProcess } from '../../src/main/worker-process';
import { CommandCounter, type CommandCounts } from '../../test/support/command-counter';
import { Tally } from '../../test/support/command-tally';
import { tapRedis } from '../../test/support/redis-command-tap';
import type { PrivateRedis } from './env';
import { pendingJobs } from '../../test/support/pending-jobs';

/** What one operation cost, per process, and on the Redis server (commands inside scripts included). */
export interface OperationCost {
  api: CommandCounts;
  worker: CommandCounts;
  /** INFO commandstats delta of the private Redis, the bench's own probes taken out. */
  redisServer: Tally;
  /** Job attempts that failed in the window (each retry counts). */
  failedJobs: number;
}

/**
 * An API node and a worker process, each in its own container (as `npm start` and `npm run worker`
 * build them) with its own CommandCounter, in this Node process; on FerretDB and the private Redis.
 */
export class CountedApp {
  private readonly probe: Redis;
  private readonly probeTally = new Tally();

  private constructor(
    readonly api: ApiNode,
    private readonly worker: { stop(): Promise<void> },
    private readonly redis: PrivateRedis,
    private readonly env: Record<string, string>,
    readonly apiCounter: CommandCounter,
    readonly workerCounter: CommandCounter,
  ) {
    this.probe = tapRedis(new Redis(redis.url), 'probe', (_, command) => this.probeTally.add(command));
  }

  static async start(env: Record<string, string>, redis: PrivateRedis): Promise<CountedApp> {
    const apiCounter = new CommandCounter('api');
    const workerCounter = new CommandCounter('worker');
    const api = new ApiNode(
      buildContainer(loadConfig({ ...env, WORKERS_INLINE: 'false' }), 'api', [apiCounter.module()]),
    );
    await api.start(0, '127.0.0.1');
    const worker = await startWorkerProcess(loadConfig(env), [workerCounter.module()]);
    return new CountedApp(api, worker, redis, env, apiCounter, workerCounter);
  }

  get url(): string {
    return `http://127.0.0.1:${this.api.port}`;
  }

  /** Runs `operation` once every earlier one settled, and counts it until both processes are quiet again. */
  async measure<T>(operation: () => Promise<T>): Promise<{ result: T; cost: OperationCost }> {
    await this.settled();
    const counters = [this.apiCounter, this.workerCounter];
    for (const c of counters) c.reset();
    this.probeTally.clear();
    const [statsBefore, failedBefore] = [await this.redis.commandStats(), await failedAttempts()];
    const result = await operation();
    await this.settled();
    const [api, worker] = counters.map((c) => c.snapshot());
    const redisServer = (await this.redis.commandStats()).minus(statsBefore).minus(this.probeTally);
    const failedJobs = (await failedAttempts()) - failedBefore;
    return { result, cost: { api, worker, redisServer: withoutProbes(redisServer), failedJobs } };
  }

  /** Both processes quiet for 300 ms and every queue empty (a retry waiting in `delayed` is not done). */
  settled(timeoutMs = 120_000): Promise<void> {
    return CommandCounter.settled([this.apiCounter, this.workerCounter], {
      timeoutMs,
      idle: () => this.queuesEmpty(),
    });
  }

  private async queuesEmpty(): Promise<boolean> {
    return (await pendingJobs(this.probe, this.env.REDIS_KEY_PREFIX)) === 0;
  }

  async stop(): Promise<void> {
    this.probe.disconnect();
    await this.api.stop();
    await this.worker.stop();
  }
}

/** INFO and CONFIG are the bench's own reads of the statistics. */
function withoutProbes(stats: Tally): Tally {
  const kept = new Tally();
  for (const [command, n] of stats.entries()) if (!/^(info|config\|)/.test(command)) kept.add(command, n);
  return kept;
}

/** Failed job attempts this process's workers counted (src/adapters/queue/queue-metrics.ts). */
async function failedAttempts(): Promise<number> {
  const metric = register.getSingleMetric('chat_queue_jobs_processed_total');
  if (!metric) return 0;
  const { values } = await metric.get();
  return values.filter((v) => v.labels.outcome === 'failed').reduce((sum, v) => sum + v.value, 0);
}
