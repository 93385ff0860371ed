import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { isMongoUnavailable } from '../../../src/adapters/persistence/mongo/mongo-errors';
import { LockTimeoutError, RedisKeyedMutex } from '../../../src/adapters/redis/redis-keyed-mutex';
import { PersistenceFixture } from './persistence-fixture';

describe('RedisKeyedMutex', () => {
  let fixture: PersistenceFixture;
  before(async () => {
    fixture = await PersistenceFixture.start();
  });
  after(() => fixture.stop());

  const aKey = () => `${fixture.keyPrefix}:test-lock:${randomUUID()}`;
  const twoProcesses = () => [new RedisKeyedMutex(fixture.client()), new RedisKeyedMutex(fixture.client())];

  it('serializes read-modify-write on one key across two processes', async () => {
    const key = aKey();
    const [a, b] = twoProcesses();
    let value = 0;
    const increment = async () => {
      const read = value;
      await new Promise<void>((resolve) => setImmediate(resolve));
      value = read + 1;
    };

    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).runExclusive(key, increment)));

    assert.equal(value, 40);
  });

  it('lets different keys run at the same time', async () => {
    const mutex = new RedisKeyedMutex(fixture.redis);
    let releaseFirst!: () => void;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    const first = mutex.runExclusive(aKey(), () => firstHeld);

    const second = await mutex.runExclusive(aKey(), async () => 'ran');
    releaseFirst();
    await first;

    assert.equal(second, 'ran');
  });

  it('returns the function’s result and releases the lock when it throws', async () => {
    const key = aKey();
    const mutex = new RedisKeyedMutex(fixture.redis);

    await assert.rejects(
      mutex.runExclusive(key, async () => Promise.reject(new Error('boom'))),
      /boom/,
    );
    const after = await mutex.runExclusive(key, async () => 42);

    assert.equal(after, 42);
    assert.equal(await fixture.redis.exists(key), 0);
  });

  it('gives up after its wait bound with an error the HTTP layer answers with 503', async () => {
    const key = aKey();
    const [holder, waiter] = [
      new RedisKeyedMutex(fixture.client()),
      new RedisKeyedMutex(fixture.client(), { waitMs: 150 }),
    ];
    let release!: () => void;
    let acquired!: () => void;
    const holding = new Promise<void>((resolve) => (acquired = resolve));
    const held = holder.runExclusive(key, () => {
      acquired();
      return new Promise<void>((resolve) => (release = resolve));
    });
    await holding;

    const error = await waiter.runExclusive(key, async () => 'never').catch((e: unknown) => e);
    release();
    await held;

    assert.ok(error instanceof LockTimeoutError);
    assert.equal(isMongoUnavailable(error), true);
  });

  it('takes over a lock whose holder died, once it expires', async () => {
    const key = aKey();
    await fixture.redis.set(key, 'a-dead-process', 'PX', 100);

    const result = await new RedisKeyedMutex(fixture.redis).runExclusive(key, async () => 'taken over');

    assert.equal(result, 'taken over');
  });

  it('never releases a lock that expired and was taken by someone else meanwhile', async () => {
    const key = aKey();

    await new RedisKeyedMutex(fixture.redis).runExclusive(key, async () => {
      await fixture.redis.set(key, 'the-next-holder');
    });

    assert.equal(await fixture.redis.get(key), 'the-next-holder');
  });
});
