import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logging/logger';

/** A client of one Redis or of a Redis Cluster: the commands we use are the same on both. */
export type RedisClient = Redis | Cluster;

/** Where Redis is: one server (`url`), or a cluster through some of its nodes (`host:port`). */
export type RedisTarget = { url: string } | { clusterNodes: readonly string[] };

/**
 * The Redis clients of a process. Commands fail at once while Redis is down (no offline queue),
 * so producers answer 503 instead of hanging; ioredis reconnects by itself when Redis returns.
 * BullMQ workers and the Socket.IO adapter take their own connections.
 *
 * On a Redis Cluster every client is an ioredis `Cluster`: it follows slots as they move (MOVED,
 * ASK) and, when a master dies, retries its commands every 100 ms until the replica is promoted,
 * at most 16 times (~2 s), then fails them: a request that cannot wait for the failover answers 503.
 */
export class RedisConnections {
  readonly command: RedisClient;
  private readonly extra: RedisClient[] = [];

  constructor(
    private readonly target: RedisTarget,
    private readonly logger: Logger,
  ) {
    this.command = this.create('command', { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  }

  /** True on a Redis Cluster: key names then need hash tags, and some commands go to every master. */
  get isCluster(): boolean {
    return 'clusterNodes' in this.target;
  }

  /**
   * A new client; `blocking` ones (BullMQ workers, subscribers) must never give up on a request.
   * `shardedSubscribers`: on a cluster, one subscriber connection per master for SSUBSCRIBE.
   */
  create(role: string, options: RedisOptions = {}, shardedSubscribers = false): RedisClient {
    const client = this.connect(options, shardedSubscribers);
    this.watch(client, role);
    return client;
  }

  /**
   * A client for sharded Pub/Sub (SSUBSCRIBE) that never gives up a subscription: on a cluster it
   * keeps one subscriber connection per master and subscribes again where a slot moves.
   */
  subscriber(role: string): RedisClient {
    return this.create(role, { maxRetriesPerRequest: null }, true);
  }

  private connect(options: RedisOptions, shardedSubscribers: boolean): RedisClient {
    const node = { connectTimeout: 2_000, ...options };
    if (!('clusterNodes' in this.target)) {
      return new Redis(this.target.url, { retryStrategy: (times) => Math.min(times * 200, 2_000), ...node });
    }
    const { enableOfflineQueue, ...redisOptions } = node;
    return new Cluster(this.target.clusterNodes.map(parseClusterNode), {
      redisOptions,
      enableOfflineQueue: enableOfflineQueue ?? true,
      shardedSubscribers,
      clusterRetryStrategy: (times) => Math.min(times * 200, 2_000),
      retryDelayOnFailover: 100,
      retryDelayOnClusterDown: 100,
      retryDelayOnTryAgain: 100,
      slotsRefreshTimeout: 2_000,
    });
  }

  private watch(client: RedisClient, role: string): void {
    let reported = false;
    client.on('error', (err) => {
      if (!reported) this.logger.warn({ err, role }, 'redis connection error');
      reported = true;
    });
    client.on('ready', () => {
      if (reported) this.logger.info({ role }, 'redis connection restored');
      reported = false;
    });
    if (role !== 'command') this.extra.push(client);
  }

  /** Waits until the command client is ready, or logs and goes on after `timeoutMs` (it keeps retrying). */
  async waitUntilReady(timeoutMs: number): Promise<void> {
    if (this.command.status === 'ready') return;
    const ready = new Promise<void>((resolve) => this.command.once('ready', () => resolve()));
    await withTimeout(ready, timeoutMs, 'redis not ready').catch((err) =>
      this.logger.warn({ err }, 'redis unreachable at start; retrying in the background'),
    );
  }

  async ping(timeoutMs: number): Promise<void> {
    await withTimeout(this.command.ping(), timeoutMs, 'redis ping timed out');
  }

  /**
   * QUIT where the client is connected (pending replies arrive first); a client that is not (Redis is
   * down) would queue the QUIT until Redis returns, so it is disconnected at once instead.
   */
  async close(timeoutMs = 2_000): Promise<void> {
    await Promise.all(
      [this.command, ...this.extra].map(async (client) => {
        if (client.status !== 'ready') return client.disconnect();
        await withTimeout(client.quit(), timeoutMs, 'redis quit timed out').catch(() => client.disconnect());
      }),
    );
  }
}

/** A cluster node's `host:port`, as `Cluster#slots` names the owners of each slot. */
export function nodeKey(node: Redis): string {
  return `${node.options.host}:${node.options.port}`;
}

/** `host:port` (a REDIS_CLUSTER_NODES entry) as ioredis takes a node. */
export function parseClusterNode(node: string): { host: string; port: number } {
  const at = node.lastIndexOf(':');
  return { host: node.slice(0, at), port: Number(node.slice(at + 1)) };
}

export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
