import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { RedisIdSequence } from '../../../src/adapters/redis/redis-id-sequence';
import { PersistenceFixture } from './persistence-fixture';

describe('RedisIdSequence', () => {
  let fixture: PersistenceFixture;
  before(async () => {
    fixture = await PersistenceFixture.start();
  });
  after(() => fixture.stop());

  const aKey = () => `${fixture.keyPrefix}:test-ids:${randomUUID()}`;

  it('hands out distinct, increasing ids to concurrent callers', async () => {
    const ids = new RedisIdSequence(fixture.redis, aKey(), async () => 0);

    const handed = await Promise.all(Array.from({ length: 200 }, () => ids.nextAbove(0)));
    const later = await ids.nextAbove(0);

    assert.equal(new Set(handed).size, 200);
    assert.ok(handed.every((id) => id < later));
  });

  it('starts after the seed when the counter is missing, and asks for the seed only then', async () => {
    let seedCalls = 0;
    const ids = new RedisIdSequence(fixture.redis, aKey(), async () => {
      seedCalls += 1;
      return 500;
    });

    const first = await ids.nextAbove(0);
    const second = await ids.nextAbove(0);

    assert.deepEqual([first, second, seedCalls], [501, 502, 1]);
  });

  it('agrees on one seed when concurrent callers find the counter missing', async () => {
    const key = aKey();
    const processes = [0, 1, 2, 3].map(() => new RedisIdSequence(fixture.client(), key, async () => 1_000));

    const handed = await Promise.all(Array.from({ length: 40 }, (_, i) => processes[i % 4].nextAbove(0)));

    assert.deepEqual(
      [...handed].sort((a, b) => a - b),
      Array.from({ length: 40 }, (_, i) => 1_001 + i),
    );
  });

  it('jumps above a floor, and never goes back below it', async () => {
    const ids = new RedisIdSequence(fixture.redis, aKey(), async () => 0);
    await ids.nextAbove(0);

    const above = await ids.nextAbove(77);
    const next = await ids.nextAbove(3);

    assert.deepEqual([above, next], [78, 79]);
  });

  it('keeps tenants apart: each key counts on its own', async () => {
    const [a, b] = [
      new RedisIdSequence(fixture.redis, aKey(), async () => 0),
      new RedisIdSequence(fixture.redis, aKey(), async () => 0),
    ];

    await a.nextAbove(0);
    await a.nextAbove(0);

    assert.equal(await b.nextAbove(0), 1);
  });
});
