import type { RedisKeyedMutex } from '../../redis/redis-keyed-mutex';

/** What a lock protects; each kind guards different documents, so one write never waits for another kind. */
export type LockKind =
  | 'channel' // the channel document (participants, name, last message) and its message inserts
  | 'sequence' // a channel's message edits and deletions
  | 'read-states' // one membership row (channel and user)
  | 'message'; // one message's reactions and pin: their own rows, then what the message shows of them

/**
 * Where a tenant's Redis keys live: `${REDIS_KEY_PREFIX}:{${database name}}`. The tenant is the hash
 * tag: a send's lock, its channel's seq and the tenant's id counter are one script's keys, which a
 * Redis Cluster requires in one slot. Every holder of a tenant's locks must use it, or they would
 * not exclude each other.
 */
export function tenantNamespace(keyPrefix: string, databaseName: string): string {
  return `${keyPrefix}:{${databaseName}}`;
}

/**
 * The per-document locks of one tenant (see RedisKeyedMutex for why they exist). Keys carry the
 * deployment's Redis prefix and the tenant's database name, so tenants never share a lock even when
 * their ids are equal.
 */
export class TenantLocks {
  constructor(
    private readonly mutex: RedisKeyedMutex,
    /** `${REDIS_KEY_PREFIX}:{${database name}}`: the tenant is the hash tag (one cluster slot). */
    private readonly namespace: string,
  ) {}

  key(kind: LockKind, id: string | number): string {
    return `${this.namespace}:lock:${kind}:${id}`;
  }

  /** The channel's seq counter, kept beside its 'channel' lock (SendTurnLock): same namespace, same slot. */
  seqKey(channelId: string): string {
    return `${this.namespace}:seq:${channelId}`;
  }

  run<T>(kind: LockKind, id: string | number, fn: () => Promise<T>): Promise<T> {
    return this.mutex.runExclusive(this.key(kind, id), fn);
  }
}
