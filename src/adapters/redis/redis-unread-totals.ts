import type { RedisClient } from './redis-connections';
import type { ChannelPosition, UnreadTotal, UnreadTotals } from '../../application/ports/unread-totals.port';

// One hash per user: per channel `l:` its last seq, `r:` the user's pointer, `m:` muted (1/0), and
// `total` = the sum of max(0, l - r) over channels not muted, adjusted by each change, so a message
// costs O(recipients) whatever the number of channels each recipient is in. `seeded` marks a hash
// built from all of the user's channels; without it the total is unknown (returned as -1).
// KEYS[i] is user i's hash; ARGV holds 4 values per key: channel, last seq, read seq, muted.
const RECORD = `
local out = {}
for i, key in ipairs(KEYS) do
  local b = (i - 1) * 4
  local ch, l, r, m = ARGV[b + 1], tonumber(ARGV[b + 2]), tonumber(ARGV[b + 3]), ARGV[b + 4]
  local old = redis.call('HMGET', key, 'l:' .. ch, 'r:' .. ch, 'm:' .. ch, 'total', 'seeded')
  local ol, orr, om = tonumber(old[1]) or 0, tonumber(old[2]) or 0, old[3] or '0'
  local nl, nr = math.max(ol, l), math.max(orr, r)
  local before = (om == '1') and 0 or math.max(0, ol - orr)
  local after = (m == '1') and 0 or math.max(0, nl - nr)
  redis.call('HSET', key, 'l:' .. ch, nl, 'r:' .. ch, nr, 'm:' .. ch, m)
  local total = redis.call('HINCRBY', key, 'total', after - before)
  out[i] = {old[5] and total or -1, (after ~= before) and 1 or 0}
end
return out`;

// Merges the positions (furthest wins, as in RECORD, so a record racing the seed is kept), then
// recomputes the total from every channel of the hash and marks it seeded. Rare: a new user, or
// after Redis lost the hash.
const SEED = `
local key = KEYS[1]
for b = 0, #ARGV - 1, 4 do
  local ch = ARGV[b + 1]
  local old = redis.call('HMGET', key, 'l:' .. ch, 'r:' .. ch)
  redis.call('HSET', key, 'l:' .. ch, math.max(tonumber(old[1]) or 0, tonumber(ARGV[b + 2])),
    'r:' .. ch, math.max(tonumber(old[2]) or 0, tonumber(ARGV[b + 3])), 'm:' .. ch, ARGV[b + 4])
end
local fields = redis.call('HGETALL', key)
local l, r, m = {}, {}, {}
for i = 1, #fields, 2 do
  local kind, ch = string.match(fields[i], '^(%a):(.*)$')
  if kind == 'l' then l[ch] = tonumber(fields[i + 1])
  elseif kind == 'r' then r[ch] = tonumber(fields[i + 1])
  elseif kind == 'm' then m[ch] = fields[i + 1] end
end
local total = 0
for ch, last in pairs(l) do
  if m[ch] ~= '1' then total = total + math.max(0, last - (r[ch] or 0)) end
end
redis.call('HSET', key, 'total', total, 'seeded', 1)
return total`;

/**
 * UnreadTotals in Redis, one hash per user of the tenant. The prefix carries the tenant as a hash tag
 * (`{t:slug}`), which keeps a tenant's hashes in one cluster slot, so one script call covers every
 * recipient of a message.
 */
export class RedisUnreadTotals implements UnreadTotals {
  constructor(
    private readonly redis: RedisClient,
    /** The tenant's key prefix, with the tenant as a hash tag: `${REDIS_KEY_PREFIX}:{t:slug}`. */
    private readonly keyPrefix: string,
  ) {}

  async record(positions: readonly ChannelPosition[]): Promise<Map<string, UnreadTotal>> {
    const result = new Map<string, UnreadTotal>();
    if (positions.length === 0) return result;
    const keys = positions.map((p) => this.key(p.user_id));
    const args = positions.flatMap((p) => [p.channel_id, p.last_seq, p.read_seq, p.is_muted ? '1' : '0']);
    const replies = (await this.redis.eval(RECORD, keys.length, ...keys, ...args)) as [number, number][];
    positions.forEach((p, i) => {
      const [total, changed] = replies[i];
      const previous = result.get(p.user_id);
      result.set(p.user_id, {
        total: total < 0 ? null : total,
        changed: changed === 1 || (previous?.changed ?? false),
      });
    });
    return result;
  }

  async seed(userId: string, positions: readonly ChannelPosition[]): Promise<number> {
    const args = positions.flatMap((p) => [p.channel_id, p.last_seq, p.read_seq, p.is_muted ? '1' : '0']);
    return Number(await this.redis.eval(SEED, 1, this.key(userId), ...args));
  }

  /** Deletes the user's hash (their erasure); a later record starts an unseeded one. */
  async forget(userId: string): Promise<void> {
    await this.redis.del(this.key(userId));
  }

  private key(userId: string): string {
    return `${this.keyPrefix}:unread:${encodeURIComponent(userId)}`;
  }
}
