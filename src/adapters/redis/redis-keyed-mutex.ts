import { randomUUID } from 'node:crypto';
import type { RedisClient } from './redis-connections';

export interface KeyedMutexOptions {
  /** How long a Redis lock lives if its holder dies without releasing it. */
  ttlMs?: number;
  /** How long `runExclusive` waits for its turn (in-process queue and Redis together) before failing. */
  waitMs?: number;
}

/**
 * The lock could not be taken within the wait bound: the key is busy (or its holder died and the lock
 * has not expired yet). Not a domain error: workers retry it, and the HTTP layer answers 503 (it is
 * listed in persistence/mongo/mongo-errors.ts).
 */
export class LockTimeoutError extends Error {
  constructor(
    readonly key: string,
    waitedMs: number,
  ) {
    super(`lock "${key}" not acquired within ${waitedMs} ms`);
    this.name = 'LockTimeoutError';
  }
}

// Deletes the lock only if it still holds our token: a lock that expired and was taken by someone
// else is never released by us.
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * Serializes read-modify-write sequences per key, within the process and across processes.
 *
 * Why: FerretDB v1 has no atomic single-document read-modify-write. An update is "read the document,
 * apply the operators in FerretDB, write the whole document back", so concurrent `$inc`, `$max`,
 * conditional filters, and even `$set`s of different fields of one document lose each other's
 * changes. Every adapter write that reads before it writes (or that rewrites a shared document)
 * runs inside `runExclusive` for that document. On MongoDB the same writes are atomic and the lock
 * is redundant but harmless. Unique indexes still fence the invariants that have one (seq per
 * channel, idempotency keys, direct and context keys) should a lock ever expire before its holder
 * is done.
 *
 * How: an in-process promise chain per key first, so a process never polls Redis against itself;
 * then `SET key token NX PX ttl`, retried with capped exponential back-off and full jitter, released
 * by a compare-and-delete script. Locks are never nested by the repositories, so they cannot deadlock.
 */
export class RedisKeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly ttlMs: number;
  private readonly waitMs: number;

  constructor(
    private readonly redis: RedisClient,
    options: KeyedMutexOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 5_000;
    this.waitMs = options.waitMs ?? 5_000;
  }

  /**
   * Runs `fn` while holding the lock on `key` (a full Redis key: callers prefix it) and returns its
   * result. @throws LockTimeoutError when the turn does not come within the wait bound.
   */
  runExclusive<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.runHeld(key, this.plainLock(key), () => fn());
  }

  /**
   * runExclusive with a lock of the caller's making: `lock.acquire` takes the Redis lock on `key` with
   * the token (answering what it read along, or null when the lock is held), `lock.release` lets it
   * go. Scripts that take the lock and read or write beside it save a round trip per turn. The
   * in-process queue is the same as runExclusive's, so both exclude each other on one key.
   */
  async runHeld<A, T>(key: string, lock: HeldLock<A>, fn: (acquired: A) => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.waitMs;
    const previous = this.tails.get(key) ?? Promise.resolve();
    let done!: () => void;
    const mine = new Promise<void>((resolve) => (done = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    try {
      await beforeDeadline(previous, deadline, key, this.waitMs);
      const token = randomUUID();
      const acquired = await this.acquire(key, deadline, () => lock.acquire(token, this.ttlMs));
      let failed = false;
      try {
        return await fn(acquired);
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        // If Redis is gone the lock simply expires after its TTL: fn's outcome matters more. A turn
        // that failed answers at once (when its Redis master died, the release would wait for the
        // client's retries a second time); the next turn's acquire waits for the release in Redis.
        const released = lock.release(token).catch(() => undefined);
        if (!failed) await released;
      }
    } finally {
      done();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  private plainLock(key: string): HeldLock<true> {
    return {
      acquire: async (token, ttlMs) => (await this.redis.set(key, token, 'PX', ttlMs, 'NX')) === 'OK' || null,
      release: async (token) => void (await this.redis.eval(RELEASE, 1, key, token)),
    };
  }

  private async acquire<A>(key: string, deadline: number, attempt: () => Promise<A | null>): Promise<A> {
    for (let round = 0; ; round += 1) {
      const acquired = await attempt();
      if (acquired !== null) return acquired;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new LockTimeoutError(key, this.waitMs);
      await delay(Math.min(remaining, backoff(round)));
    }
  }
}

/** How runHeld takes and lets go of a Redis lock (see RedisKeyedMutex.runHeld). */
export interface HeldLock<A> {
  /** Takes the lock with `token` for `ttlMs`, answering what it read along, or null if it is held. */
  acquire(token: string, ttlMs: number): Promise<A | null>;
  /** Lets the lock go if it still holds `token`. */
  release(token: string): Promise<void>;
}

/** Full jitter over 2, 4, 8 … 64 ms: contenders spread out instead of retrying in step. */
function backoff(attempt: number): number {
  return 1 + Math.random() * Math.min(64, 2 ** (attempt + 1));
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function beforeDeadline(turn: Promise<void>, deadline: number, key: string, waitMs: number) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LockTimeoutError(key, waitMs)), Math.max(0, deadline - Date.now()));
  });
  try {
    await Promise.race([turn, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
