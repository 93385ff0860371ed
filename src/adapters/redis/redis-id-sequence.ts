import type { RedisClient } from './redis-connections';
/** The highest message id durably stored in the tenant (0 when none): where a lost counter restarts. */
export type IdSeed = () => Promise<number>;

// One atomic step: start a missing counter at the seed (ARGV[2], or report -1 when no seed was
// given), lift it to the floor (ARGV[1]), then increment. Being one script, concurrent seeders
// cannot interleave: the first one sets the counter, the others find it set.
const NEXT = `
local current = redis.call('GET', KEYS[1])
if not current then
  if ARGV[2] == '' then return -1 end
  current = ARGV[2]
  redis.call('SET', KEYS[1], current)
end
if tonumber(current) < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end
return redis.call('INCR', KEYS[1])`;

/**
 * The tenant-wide message id counter: Redis INCR on one key per tenant (atomic and fast, where
 * FerretDB v1 would lose `$inc`s under concurrency).
 *
 * Redis keeps nothing on disk here, so the counter can vanish. When it is missing it is seeded from
 * `seed`, the highest id the tenant's database records, and counting goes on from there. An id that
 * was stored without being recorded by the seed (a crash between the two writes) makes an insert hit
 * E11000 on `_id`; the caller then asks again (`nextAbove` that id), so a lost counter costs a retry,
 * never a duplicate.
 */
export class RedisIdSequence {
  constructor(
    private readonly redis: RedisClient,
    /** The full Redis key of this tenant's counter (deployment prefix and tenant database included). */
    private readonly key: string,
    private readonly seed: IdSeed,
  ) {}

  /**
   * A fresh id, greater than every id handed out before in this tenant and greater than `floor`
   * (the message append asks past an id it found taken). Ids may have gaps.
   */
  async nextAbove(floor: number): Promise<number> {
    const id = await this.run(floor, '');
    return id > 0 ? id : this.run(floor, String(await this.seed()));
  }

  private async run(floor: number, seed: string): Promise<number> {
    return Number(await this.redis.eval(NEXT, 1, this.key, String(floor), seed));
  }
}
