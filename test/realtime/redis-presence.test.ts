import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { PresenceKeys } from '../../src/adapters/presence/presence-keys';
import { RedisNodeRegistry } from '../../src/adapters/presence/redis-node-registry';
import { RedisPresence } from '../../src/adapters/presence/redis-presence';
import { RedisPresenceReader } from '../../src/adapters/presence/redis-presence-reader';
import { REDIS_URL, testConfig } from '../support/test-env';

describe('RedisPresence', () => {
  let redis: Redis;
  let keys: PresenceKeys;
  let prefix: string;
  const at = new Date('2030-01-02T03:04:05.000Z');

  beforeEach(() => {
    redis = new Redis(REDIS_URL);
    prefix = `${testConfig().REDIS_KEY_PREFIX}-unit-${randomBytes(3).toString('hex')}`;
    keys = new PresenceKeys(prefix);
  });
  afterEach(async () => {
    const left = await redis.keys(`${prefix}:*`);
    if (left.length > 0) await redis.del(...left);
    await redis.quit();
  });

  const on = (node: string) => new RedisPresence(redis, keys, node);

  describe('when a user has connections on two nodes', () => {
    it('reports online at the first connection and offline at the last only', async () => {
      const transitions = [
        await on('a').connected('acme', 'bob'),
        await on('b').connected('acme', 'bob'),
        await on('a').disconnected('acme', 'bob', at),
        await on('b').disconnected('acme', 'bob', at),
      ];

      assert.deepEqual(transitions, [true, false, false, true]);
      assert.equal(await on('a').lastSeen('acme', 'bob'), at.toISOString());
      assert.deepEqual(await on('a').onlineUsers('acme'), []);
    });
  });

  it('keeps tenants apart', async () => {
    await on('a').connected('acme', 'bob');

    const elsewhere = await new RedisPresenceReader(redis, keys, 'globex').onlineAmong(['bob']);
    const here = await new RedisPresenceReader(redis, keys, 'acme').onlineAmong(['bob', 'carol']);

    assert.deepEqual([...elsewhere], []);
    assert.deepEqual([...here], ['bob']);
  });

  it('keeps a status set while online and forgets it when the user goes offline', async () => {
    await on('a').connected('acme', 'bob');

    const set = await on('a').setStatus('acme', 'bob', 'busy');
    const listed = await on('a').onlineUsers('acme');
    await on('a').disconnected('acme', 'bob', at);
    const setWhileOffline = await on('a').setStatus('acme', 'bob', 'away');

    assert.equal(set, true);
    assert.deepEqual(listed, [{ user_id: 'bob', status: 'busy' }]);
    assert.equal(setWhileOffline, false);
    assert.deepEqual(await on('a').onlineUsers('acme'), []);
  });

  it('counts channel connections apart from being online', async () => {
    await on('a').connected('acme', 'bob');

    const first = await on('a').joinedChannel('acme', 'c1', 'bob');
    const second = await on('b').joinedChannel('acme', 'c1', 'bob');
    const leftOne = await on('a').leftChannel('acme', 'c1', 'bob');
    const leftLast = await on('b').leftChannel('acme', 'c1', 'bob');

    assert.deepEqual([first, second, leftOne, leftLast], [true, false, false, true]);
    assert.deepEqual(await on('a').onlineUsers('acme'), [{ user_id: 'bob', status: 'online' }]);
  });

  describe('when a node is swept', () => {
    it('uncounts only its connections and reports who went offline or left a channel with it', async () => {
      await on('a').connected('acme', 'bob');
      await on('a').connected('acme', 'bob');
      await on('a').joinedChannel('acme', 'c1', 'bob');
      await on('b').connected('acme', 'bob');
      await on('a').connected('acme', 'user|with|bars');

      const gone = await new RedisNodeRegistry(redis, keys, 'b').sweep('a', at);

      assert.deepEqual(
        gone.sort((x, y) => x.userId.localeCompare(y.userId)),
        [
          { kind: 'channel', tenant: 'acme', channelId: 'c1', userId: 'bob' },
          { kind: 'online', tenant: 'acme', userId: 'user|with|bars' },
        ],
      );
      assert.deepEqual(await on('b').onlineUsers('acme'), [{ user_id: 'bob', status: 'online' }]);
      assert.equal(await on('b').lastSeen('acme', 'user|with|bars'), at.toISOString());
    });

    it('ignores the later disconnects of the swept connections', async () => {
      await on('a').connected('acme', 'bob');
      await on('b').connected('acme', 'bob');
      await new RedisNodeRegistry(redis, keys, 'b').sweep('a', at);

      const late = await on('a').disconnected('acme', 'bob', at);

      assert.equal(late, false);
      assert.deepEqual(await on('b').onlineUsers('acme'), [{ user_id: 'bob', status: 'online' }]);
    });

    it('leaves a node whose heartbeat is alive untouched', async () => {
      const a = new RedisNodeRegistry(redis, keys, 'a');
      await a.heartbeat(60_000);
      await on('a').connected('acme', 'bob');

      const gone = await new RedisNodeRegistry(redis, keys, 'b').sweep('a', at);

      assert.deepEqual(gone, []);
      assert.deepEqual(await new RedisNodeRegistry(redis, keys, 'b').deadNodes(), []);
    });
  });

  describe('the heartbeat', () => {
    it('tells a node it was not registered at its first beat and after it was swept, not in between', async () => {
      const a = new RedisNodeRegistry(redis, keys, 'a');

      const first = await a.heartbeat(60_000);
      const next = await a.heartbeat(60_000);
      await redis.del(keys.alive('a'));
      await new RedisNodeRegistry(redis, keys, 'b').sweep('a', at);
      const afterSweep = await a.heartbeat(60_000);

      assert.deepEqual([first, next, afterSweep], [true, false, true]);
    });
  });
});
