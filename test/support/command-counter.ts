import type { Redis } from 'ioredis';
import { ContainerModule } from 'inversify';
import type { MongoDatabases } from '../../src/adapters/persistence/mongo/mongo-databases';
import type { RedisConnections } from '../../src/adapters/redis/redis-connections';
import { TOKENS } from '../../src/main/tokens';
import { Tally } from './command-tally';
import { tapMongo } from './mongo-command-tap';
import { tapRedis } from './redis-command-tap';

/**
 * Timers that would otherwise send commands in the middle of a measured operation: the outbox
 * sweeper, the workers' stalled-job check and the node heartbeat. Merge into a counted process's env.
 */
export const QUIET_ENV: Readonly<Record<string, string>> = {
  OUTBOX_SWEEP_INTERVAL_MS: '3600000',
  WORKER_STALLED_INTERVAL_MS: '600000',
  PRESENCE_TTL_MS: '600000',
};

/** What one process sent between two resets. */
export interface CommandCounts {
  /** MongoDB commands by "<command> <collection>" (driver command monitoring). */
  mongo: Tally;
  /** Redis commands on the wire, every client of the process together. */
  redis: Tally;
  /** The same per client role ("command", "socket.io-sub", "worker:unread-counts:dup" …). */
  redisByClient: Map<string, Tally>;
  /** Idle polls and timers (see redis-command-tap.ts): not part of any operation. */
  background: Tally;
}

/**
 * Counts the MongoDB and Redis commands of one process (one container: an API node or a worker
 * process, even when both run in the test's own Node process). Load `counter.module()` into the
 * process's container (`startTestApi(env, [counter.module()])`, `startWorkerProcess(config,
 * [counter.module()])`); then `reset()`, run the operation, `await CommandCounter.settled([...])`
 * and read `counts()`.
 *
 * Every MongoDatabases and RedisConnections the container creates is tapped, and so is every
 * Redis client they create later (including BullMQ's duplicates).
 */
export class CommandCounter {
  private current = emptyCounts();
  /** performance.now() of the last command counted (background excluded). */
  lastCommandAt = 0;

  constructor(readonly name = 'process') {}

  module(): ContainerModule {
    return new ContainerModule(({ onActivation }) => {
      onActivation<MongoDatabases>(TOKENS.Mongo, (_, mongo) =>
        tapMongo(mongo, (key) => this.countMongo(key)),
      );
      onActivation<RedisConnections>(TOKENS.Redis, (_, redis) => {
        const sink = (client: string, command: string, background: boolean) =>
          this.countRedis(client, command, background);
        // The counted deployments run on one Redis (a Cluster client is not tapped).
        tapRedis(redis.command as Redis, 'command', sink);
        const create = redis.create.bind(redis);
        redis.create = (role, options, sharded) =>
          tapRedis(create(role, options, sharded) as Redis, role, sink);
        return redis;
      });
    });
  }

  reset(): void {
    this.current = emptyCounts();
  }

  /** The counts since the last reset (live objects: copy them to keep a snapshot). */
  counts(): CommandCounts {
    return this.current;
  }

  /** A frozen copy of the counts since the last reset. */
  snapshot(): CommandCounts {
    const { mongo, redis, redisByClient, background } = this.current;
    return {
      mongo: mongo.copy(),
      redis: redis.copy(),
      redisByClient: new Map([...redisByClient].map(([k, v]) => [k, v.copy()])),
      background: background.copy(),
    };
  }

  /**
   * Resolves once none of `counters` has counted a command for `quietMs` and `idle()` (if given:
   * e.g. "every queue is empty") holds; rejects after `timeoutMs`.
   */
  static async settled(
    counters: CommandCounter[],
    options: { quietMs?: number; timeoutMs?: number; idle?: () => Promise<boolean> } = {},
  ): Promise<void> {
    const { quietMs = 300, timeoutMs = 60_000, idle } = options;
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const last = Math.max(...counters.map((c) => c.lastCommandAt));
      const wait = last + quietMs - performance.now();
      if (wait <= 0 && (!idle || (await idle()))) {
        if (Math.max(...counters.map((c) => c.lastCommandAt)) === last) return;
        continue;
      }
      if (performance.now() > deadline) throw new Error(`commands still flowing after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, Math.max(wait, 50)));
    }
  }

  private countMongo(key: string): void {
    this.current.mongo.add(key);
    this.lastCommandAt = performance.now();
  }

  private countRedis(client: string, command: string, background: boolean): void {
    if (background) return this.current.background.add(command);
    this.current.redis.add(command);
    let perClient = this.current.redisByClient.get(client);
    if (!perClient) this.current.redisByClient.set(client, (perClient = new Tally()));
    perClient.add(command);
    this.lastCommandAt = performance.now();
  }
}

function emptyCounts(): CommandCounts {
  return { mongo: new Tally(), redis: new Tally(), redisByClient: new Map(), background: new Tally() };
}
