import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { ReadReceiptRange } from '../../../src/domain/read/read-receipt';
import { PersistenceFixture, T0, type TestTenant } from './persistence-fixture';

const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function aRange(
  channelId: string,
  userId: string,
  fromSeq: number,
  toSeq: number,
  readAt: Date,
): ReadReceiptRange {
  return {
    channel_id: channelId,
    user_id: userId,
    from_seq: fromSeq,
    to_seq: toSeq,
    to_message_id: toSeq * 10,
    read_at: readAt,
  };
}

describe('MongoReadReceiptRepository', () => {
  let fixture: PersistenceFixture;
  let tenant: TestTenant;
  before(async () => {
    fixture = await PersistenceFixture.start();
    tenant = await fixture.tenant('receipts');
  });
  after(() => fixture.stop());

  const receipts = () => tenant.repos.readReceipts;

  it('lists the readers whose ranges cover the seq, each with their earliest read, earliest first', async () => {
    const channelId = randomUUID();
    await receipts().record(aRange(channelId, 'bob', 0, 5, at(50)));
    await receipts().record(aRange(channelId, 'carol', 3, 8, at(20)));
    await receipts().record(aRange(channelId, 'bob', 5, 9, at(90)));
    await receipts().record(aRange(channelId, 'dan', 5, 9, at(10)));

    const readersOf5 = await receipts().readersOf(channelId, 5);
    const readersOf9 = await receipts().readersOf(channelId, 9);

    assert.deepEqual(readersOf5, [
      { user_id: 'carol', read_at: at(20) },
      { user_id: 'bob', read_at: at(50) },
    ]);
    assert.deepEqual(readersOf9, [
      { user_id: 'dan', read_at: at(10) },
      { user_id: 'bob', read_at: at(90) },
    ]);
  });

  it('stores a retried range once', async () => {
    const channelId = randomUUID();
    const range = aRange(channelId, 'bob', 0, 3, at(1));

    await receipts().record(range);
    await receipts().record({ ...range, read_at: at(2) });

    assert.equal(await tenant.models.readReceipts.countDocuments({ channel_id: channelId }), 1);
    assert.deepEqual(await receipts().readersOf(channelId, 2), [{ user_id: 'bob', read_at: at(1) }]);
  });

  it('finds a long range from any message it covers, across blocks', async () => {
    const channelId = randomUUID();
    await receipts().record(aRange(channelId, 'eve', 42, 1_250, at(7)));

    const found = await Promise.all(
      [43, 99, 100, 777, 1_250].map((seq) => receipts().readersOf(channelId, seq)),
    );
    const outside = await Promise.all([42, 1_251].map((seq) => receipts().readersOf(channelId, seq)));

    assert.ok(found.every((readers) => readers.length === 1 && readers[0].user_id === 'eve'));
    assert.deepEqual(outside, [[], []]);
  });

  it('answers nobody for a message nobody read, or in another channel', async () => {
    const channelId = randomUUID();
    await receipts().record(aRange(channelId, 'bob', 0, 5, at(1)));

    assert.deepEqual(await receipts().readersOf(channelId, 6), []);
    assert.deepEqual(await receipts().readersOf(randomUUID(), 3), []);
  });
});
