import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { RedisUnreadTotals } from '../../../src/adapters/redis/redis-unread-totals';
import type { ChannelPosition } from '../../../src/application/ports/unread-totals.port';
import { PersistenceFixture } from './persistence-fixture';

describe('RedisUnreadTotals', () => {
  let fixture: PersistenceFixture;
  let totals: RedisUnreadTotals;
  before(async () => {
    fixture = await PersistenceFixture.start();
  });
  beforeEach(() => {
    totals = new RedisUnreadTotals(fixture.redis, `${fixture.keyPrefix}:{t:${randomUUID()}}`);
  });
  after(() => fixture.stop());

  const at = (user_id: string, channel_id: string, last_seq: number, read_seq: number, is_muted = false) =>
    ({ user_id, channel_id, last_seq, read_seq, is_muted }) satisfies ChannelPosition;

  it('reports a user it holds no seed for as unknown, and knows them once seeded', async () => {
    const first = await totals.record([at('ann', 'c1', 3, 1)]);

    const seeded = await totals.seed('ann', [at('ann', 'c1', 3, 1), at('ann', 'c2', 5, 0)]);
    const after = await totals.record([at('ann', 'c2', 6, 0)]);

    assert.deepEqual(first.get('ann'), { total: null, changed: true });
    assert.equal(seeded, 7);
    assert.deepEqual(after.get('ann'), { total: 8, changed: true });
  });

  it('keeps the furthest positions, so a late or repeated record changes nothing', async () => {
    await totals.seed('ann', [at('ann', 'c1', 10, 4)]);

    const repeated = await totals.record([at('ann', 'c1', 10, 4)]);
    const late = await totals.record([at('ann', 'c1', 8, 2)]);

    assert.deepEqual(repeated.get('ann'), { total: 6, changed: false });
    assert.deepEqual(late.get('ann'), { total: 6, changed: false });
  });

  it('leaves muted channels out of the total and brings them back when unmuted', async () => {
    await totals.seed('ann', [at('ann', 'c1', 4, 0), at('ann', 'c2', 2, 0)]);

    const muted = await totals.record([at('ann', 'c1', 5, 0, true)]);
    const unmuted = await totals.record([at('ann', 'c1', 5, 0, false)]);

    assert.equal(muted.get('ann')?.total, 2);
    assert.equal(unmuted.get('ann')?.total, 7);
  });

  it('records many users of one message in one call, each with their own total', async () => {
    await Promise.all(['ann', 'bob', 'cy'].map((u) => totals.seed(u, [at(u, 'other', 2, 0)])));

    const recorded = await totals.record([
      at('ann', 'c1', 1, 1),
      at('bob', 'c1', 1, 0),
      at('cy', 'c1', 1, 0),
    ]);

    assert.deepEqual(
      [...recorded].map(([user, t]) => [user, t.total, t.changed]),
      [
        ['ann', 2, false],
        ['bob', 3, true],
        ['cy', 3, true],
      ],
    );
  });

  it('stays exact under concurrent records of one user in many channels', async () => {
    await totals.seed('ann', []);

    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        totals.record([at('ann', `c${i % 10}`, 1 + Math.floor(i / 10), 0)]),
      ),
    );
    const [check] = (await totals.record([at('ann', 'c0', 0, 0)])).values();

    assert.equal(check.total, 100);
  });
});
