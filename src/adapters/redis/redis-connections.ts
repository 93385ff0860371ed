import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logging/logger';

/**
 * The Redis clients of a process. Commands fail at once while Redis is down (no offline queue),
 * so producers answer 503 instead of hanging; ioredis reconnects by itself when Redis returns.
 * BullMQ workers and the Socket.IO adapter take their own connections (`duplicate`).
 */
export class RedisConnections {
  readonly command: Redis;
  private readonly extra: Redis[] = [];

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {
    this.command = this.create('command', { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  }

  /** A new client; `blocking` ones (BullMQ workers, subscribers) must never give up on a request. */
  create(role: string, options: RedisOptions = {}): Redis {
    const client = new Redis(this.url, {
      connectTimeout: 2_000,
      retryStrategy: (times) => Math.min(times * 200, 2_000),
      ...options,
    });
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
    return client;
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

export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
