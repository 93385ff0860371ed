import type { RedisClient } from './redis-connections';
import type { HeldLock } from './redis-keyed-mutex';

/** What a send's turn starts from, read as the lock is taken. */
export interface SendTurn {
  /** The channel's last stored seq as Redis counts it; null when Redis does not know it. */
  lastSeq: number | null;
  /**
   * The first of `count` fresh, consecutive tenant-wide message ids; null when the id counter is
   * missing (the caller seeds it).
   */
  firstId: number | null;
}

// Takes the channel's lock and, in the same call, reads the channel's seq and takes a block of ids
// from the tenant's counter (a missing counter is left for RedisIdSequence to seed): one round trip
// for the turn, whatever the number of messages it stores.
// KEYS: lock, channel seq, tenant id counter. ARGV: token, ttl ms, id count.
const ACQUIRE = `
if not redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return {0} end
local seq = redis.call('GET', KEYS[2])
local last = -1
if redis.call('EXISTS', KEYS[3]) == 1 then last = redis.call('INCRBY', KEYS[3], ARGV[3]) end
return {1, seq and tonumber(seq) or -1, last}`;

// Raises the channel's seq to the last one stored in this turn (never lowers it: a holder whose lock
// expired cannot undo a later one), then lets the lock go if it is still ours.
// KEYS: lock, channel seq. ARGV: token, stored seq or ''.
const RELEASE = `
if ARGV[2] ~= '' and tonumber(ARGV[2]) > tonumber(redis.call('GET', KEYS[2]) or '0') then
  redis.call('SET', KEYS[2], ARGV[2])
end
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1`;

export interface SendTurnKeys {
  lock: string;
  seq: string;
  ids: string;
}

/**
 * The lock of a send's turn in a channel (RedisKeyedMutex.runHeld), with the channel's seq counter
 * kept beside it in Redis: the seq is read as the lock is taken and written as it is let go, only
 * if a message was stored (`stored`), so a turn that fails before its insert leaves no gap. A turn
 * stores up to `idCount` messages and takes that many ids with the lock. The three keys must share
 * a cluster slot: callers put the tenant in a hash tag.
 */
export class SendTurnLock implements HeldLock<SendTurn> {
  private storedSeq: number | null = null;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: SendTurnKeys,
    private readonly idCount = 1,
  ) {}

  async acquire(token: string, ttlMs: number): Promise<SendTurn | null> {
    const { lock, seq, ids } = this.keys;
    const reply = (await this.redis.eval(ACQUIRE, 3, lock, seq, ids, token, ttlMs, this.idCount)) as number[];
    if (reply[0] !== 1) return null;
    const [, lastSeq, lastId] = reply;
    return { lastSeq: lastSeq < 0 ? null : lastSeq, firstId: lastId < 0 ? null : lastId - this.idCount + 1 };
  }

  /** The highest seq this turn stored a message under: the channel's seq once the lock is let go. */
  stored(seq: number): void {
    this.storedSeq = seq;
  }

  async release(token: string): Promise<void> {
    const { lock, seq } = this.keys;
    await this.redis.eval(
      RELEASE,
      2,
      lock,
      seq,
      token,
      this.storedSeq === null ? '' : String(this.storedSeq),
    );
  }
}
