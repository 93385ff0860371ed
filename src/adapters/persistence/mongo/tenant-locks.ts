import type { RedisKeyedMutex } from '../../redis/redis-keyed-mutex';

/** What a lock protects; each kind guards different documents, so one write never waits for another kind. */
export type LockKind =
  | 'channel' // the channel document (participants, name, last message and its copy)
  | 'sequence' // a channel's counter and the channel's message writes
  | 'read-states'; // the membership rows of a channel

/**
 * The per-document locks of one tenant (see RedisKeyedMutex for why they exist). Keys carry the
 * deployment's Redis prefix and the tenant's database name, so tenants never share a lock even when
 * their ids are equal.
 */
export class TenantLocks {
  constructor(
    private readonly mutex: RedisKeyedMutex,
    /** `${REDIS_KEY_PREFIX}:${database name}`. */
    private readonly namespace: string,
  ) {}

  key(kind: LockKind, id: string | number): string {
    return `${this.namespace}:lock:${kind}:${id}`;
  }

  run<T>(kind: LockKind, id: string | number, fn: () => Promise<T>): Promise<T> {
    return this.mutex.runExclusive(this.key(kind, id), fn);
  }
}
