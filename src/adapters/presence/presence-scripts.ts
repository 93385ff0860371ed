import type { RedisClient } from '../redis/redis-connections';

/*
 * Presence counters change in Lua so that each change is atomic across nodes (Redis runs one script
 * at a time; FerretDB could not give us this). Every counter move is mirrored in the node's own hash
 * of the tenant, which is what lets another node undo a dead node's connections (SWEEP). Each script
 * touches the keys of one hash tag (PresenceKeys), so it runs on Redis Cluster as on one Redis; SWEEP
 * builds the names of the tenant's channel counters from its fields, under the same tag.
 */

/** KEYS: node's tenant hash, counter hash, status hash. ARGV: field, user, with status ('1'|'0'). → new count. */
const ACQUIRE = `
redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
local n = redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
if n == 1 and ARGV[3] == '1' then redis.call('HSET', KEYS[3], ARGV[2], 'online') end
return n`;

/**
 * KEYS: node's tenant hash, counter hash, status hash, last-seen hash. ARGV: field, user, with status,
 * now. → the count left, or -1 when the node holds no such connection (already swept).
 */
const RELEASE = `
local mine = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if mine <= 0 then return -1 end
if mine == 1 then redis.call('HDEL', KEYS[1], ARGV[1]) else redis.call('HINCRBY', KEYS[1], ARGV[1], -1) end
local n = redis.call('HINCRBY', KEYS[2], ARGV[2], -1)
if n > 0 then return n end
redis.call('HDEL', KEYS[2], ARGV[2])
if ARGV[3] == '1' then
  redis.call('HDEL', KEYS[3], ARGV[2])
  redis.call('HSET', KEYS[4], ARGV[2], ARGV[4])
end
return 0`;

/** KEYS: online hash, status hash. ARGV: user, status. → 1 if set (the user is online), else 0. */
const SET_STATUS = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
return 1`;

/** KEYS: node set, alive key. ARGV: node, ttl ms. → 1 when the node was not registered. */
const HEARTBEAT = `
local added = redis.call('SADD', KEYS[1], ARGV[1])
redis.call('SET', KEYS[2], '1', 'PX', ARGV[2])
return added`;

/**
 * KEYS: a node's hash of one tenant. ARGV: the tenant's key base (PresenceKeys#tenant), now.
 * Undoes every connection the hash counts → the fields that dropped to zero.
 */
const SWEEP = `
local base = ARGV[1]
local entries = redis.call('HGETALL', KEYS[1])
local gone = {}
for i = 1, #entries, 2 do
  local field, count = entries[i], tonumber(entries[i + 1])
  local user = string.match(field, '^o|[^|]+|(.*)$')
  local counter, online = nil, user ~= nil
  if online then
    counter = base .. ':online'
  else
    local channel
    channel, user = string.match(field, '^c|[^|]+|([^|]+)|(.*)$')
    if channel then counter = base .. ':c:' .. channel end
  end
  if counter then
    local n = redis.call('HINCRBY', counter, user, -count)
    if n <= 0 then
      redis.call('HDEL', counter, user)
      if online then
        redis.call('HDEL', base .. ':status', user)
        redis.call('HSET', base .. ':seen', user, ARGV[2])
      end
      table.insert(gone, field)
    end
  end
end
redis.call('DEL', KEYS[1])
return gone`;

/**
 * KEYS: node set, alive key, the node's tenant set. ARGV: node. Forgets a swept node, unless it beat
 * again meanwhile → 1 when forgotten.
 */
const FORGET_NODE = `
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('DEL', KEYS[3])
redis.call('SREM', KEYS[1], ARGV[1])
return 1`;

/**
 * KEYS: online, status, last-seen hashes, then every node's hash of the tenant. ARGV: the tenant's
 * key base, tenant, user. Forgets every connection and trace of the user (their erasure). Its number
 * of keys depends on the nodes: run with EVAL, not defined as a command like the others.
 */
export const FORGET_USER_SCRIPT = `
local base, tenant, user = ARGV[1], ARGV[2], ARGV[3]
for i = 4, #KEYS do
  redis.call('HDEL', KEYS[i], 'o|' .. tenant .. '|' .. user)
  for _, field in ipairs(redis.call('HKEYS', KEYS[i])) do
    local channel, fu = string.match(field, '^c|[^|]+|([^|]+)|(.*)$')
    if fu == user then
      redis.call('HDEL', KEYS[i], field)
      redis.call('HDEL', base .. ':c:' .. channel, user)
    end
  end
end
redis.call('HDEL', KEYS[1], user)
redis.call('HDEL', KEYS[2], user)
redis.call('HDEL', KEYS[3], user)
return 1`;

const SCRIPTS = {
  ACQUIRE: [3, ACQUIRE],
  RELEASE: [4, RELEASE],
  SET_STATUS: [2, SET_STATUS],
  HEARTBEAT: [2, HEARTBEAT],
  SWEEP: [1, SWEEP],
  FORGET_NODE: [3, FORGET_NODE],
} as const;

export type ScriptName = keyof typeof SCRIPTS;
type Run = (...keysThenArgs: Array<string | number>) => Promise<unknown>;

/** Runs the presence scripts by SHA (ioredis loads them again after a Redis restart). */
export class PresenceScripts {
  constructor(private readonly redis: RedisClient) {
    for (const [name, [numberOfKeys, lua]] of Object.entries(SCRIPTS)) {
      redis.defineCommand(`presence${name}`, { numberOfKeys, lua });
    }
  }

  run(name: ScriptName, keys: string[], args: Array<string | number>): Promise<unknown> {
    const command = (this.redis as unknown as Record<string, Run>)[`presence${name}`];
    return command.call(this.redis, ...keys, ...args);
  }
}
