import assert from 'node:assert/strict';
import {
  MongoMessageSearch,
  type IndexedMessage,
} from '../../../src/adapters/persistence/mongo/mongo-message-search';
import { SEARCH_BUCKET } from '../../../src/adapters/persistence/mongo/schemas/search-term.schema';
import { PersistenceFixture, T0, type TestTenant } from './persistence-fixture';

/*
 * The index's walk over buckets of message ids (SEARCH_BUCKET ids each), newest first, a growing
 * number at once: what the API tests, whose tenants hold a few messages, never reach.
 */
describe('MongoMessageSearch across buckets of ids', () => {
  let fixture: PersistenceFixture;
  let tenant: TestTenant;
  let search: MongoMessageSearch;
  const bucket = (n: number, offset = 1) => n * SEARCH_BUCKET + offset;
  const message = (id: number, content: string, channel = 'c-1', user = 'alice'): IndexedMessage => ({
    id,
    channel_id: channel,
    user_id: user,
    content,
    created_at: new Date(T0.getTime() + id * 1000),
    deleted_at: null,
  });
  const find = (terms: string[], overrides: Partial<Parameters<MongoMessageSearch['find']>[0]> = {}) =>
    search.find({ terms, channelIds: ['c-1', 'c-2'], beforeId: bucket(40), limit: 3, ...overrides });

  before(async () => {
    fixture = await PersistenceFixture.start();
    tenant = await fixture.tenant('search');
    search = new MongoMessageSearch(tenant.models.searchTerms);
    await search.index([
      // A common word in the newest buckets, a rare one far back, and both together once.
      ...[39, 38, 37, 36, 35].flatMap((b) => [
        message(bucket(b, 7), 'common news'),
        message(bucket(b, 9), 'common'),
      ]),
      message(bucket(2, 5), 'rare find'),
      message(bucket(0, 3), 'rare and common'),
      message(bucket(20, 4), 'common elsewhere', 'c-3'),
      message(bucket(21, 4), 'common from bob', 'c-2', 'bob'),
    ]);
  });
  after(() => fixture.stop());

  it('answers the newest first, filling a page from the newest buckets', async () => {
    assert.deepEqual(await find(['common']), [bucket(39, 9), bucket(39, 7), bucket(38, 9)]);
  });

  it('walks back over many empty buckets to a rare word, all of its occurrences in order', async () => {
    assert.deepEqual(await find(['rare']), [bucket(2, 5), bucket(0, 3)]);
  });

  it('keeps a message only when it holds every word, in the given channels and from the sender', async () => {
    assert.deepEqual(await find(['rare', 'common']), [bucket(0, 3)]);
    assert.deepEqual(await find(['common'], { userId: 'bob' }), [bucket(21, 4)]);
    assert.deepEqual(await find(['elsewhere']), []);
  });

  it('pages with beforeId, across bucket boundaries, without repeating or skipping', async () => {
    const pages: number[][] = [];
    let beforeId = bucket(40);
    for (;;) {
      const page = await find(['common'], { beforeId, limit: 4 });
      if (page.length === 0) break;
      pages.push(page);
      beforeId = page.at(-1)!;
    }

    const all = pages.flat();
    assert.equal(all.length, 12);
    assert.deepEqual(
      all,
      [...all].sort((a, b) => b - a),
    );
    assert.equal(new Set(all).size, all.length);
    assert.deepEqual(all.slice(-2), [bucket(21, 4), bucket(0, 3)]);
  });
});
