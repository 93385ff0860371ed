import assert from 'node:assert/strict';
import type { MessageView } from '../../src/application/views/message.view';
import { ChatClient } from '../support/chat-client';
import { startTestApi, type TestApi } from '../support/test-api';
import { uniqueSlug } from '../support/test-env';

/*
 * GET /api/chat/{tenant}/search/: every word of the query, in the caller's channels only, most
 * recent first, keyset-paged; tombstones, edited-away words and channels the caller left are not found.
 */
describe('GET search/', function () {
  this.timeout(30_000);
  let api: TestApi;
  let alice: ChatClient;
  let bob: ChatClient;
  let carol: ChatClient;
  before(async () => {
    api = await startTestApi();
    const tenant = await api.createTenant(uniqueSlug('search'));
    [alice, bob, carol] = await Promise.all(
      ['alice', 'bob', 'carol'].map((u) => ChatClient.as(api, tenant, u)),
    );
  });
  after(() => api.stop());

  const search = async (who: ChatClient, query: string) => {
    const res = await who.get(`search/?${query}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body as { results: MessageView[]; next_cursor: string | null };
  };
  const contents = (page: { results: MessageView[] }) => page.results.map((m) => m.content);

  it('matches every word, case- and accent-insensitively, most recent first', async () => {
    const channel = await alice.group(['bob']);
    await alice.send(channel.id, 'Café au lait tomorrow?');
    await bob.send(channel.id, 'The CAFE on 5th is closed');
    await alice.send(channel.id, 'invoice for March');

    assert.deepEqual(contents(await search(bob, 'q=cafe')), [
      'The CAFE on 5th is closed',
      'Café au lait tomorrow?',
    ]);
    assert.deepEqual(contents(await search(bob, 'q=caf%C3%A9%20closed')), ['The CAFE on 5th is closed']);
    assert.deepEqual(contents(await search(bob, 'q=cafeteria')), []);
  });

  it('narrows to a channel, a sender and a time window', async () => {
    const [one, two] = [await alice.group(['bob'], 'one'), await alice.group(['bob'], 'two')];
    await alice.send(one.id, 'quarterly numbers from alice');
    const before = new Date().toISOString();
    await bob.send(one.id, 'quarterly numbers from bob');
    await bob.send(two.id, 'quarterly numbers elsewhere');

    assert.deepEqual(contents(await search(bob, `q=quarterly&channel_id=${two.id}`)), [
      'quarterly numbers elsewhere',
    ]);
    assert.deepEqual(contents(await search(alice, `q=quarterly&user_id=alice`)), [
      'quarterly numbers from alice',
    ]);
    assert.deepEqual(
      contents(await search(bob, `q=quarterly&channel_id=${one.id}&to=${encodeURIComponent(before)}`)),
      ['quarterly numbers from alice'],
    );
    assert.deepEqual(
      contents(await search(bob, `q=quarterly&channel_id=${one.id}&from=${encodeURIComponent(before)}`)),
      ['quarterly numbers from bob'],
    );
  });

  it('pages with next_cursor, each message once, until it is null', async () => {
    const channel = await alice.group(['bob']);
    const sent = [];
    for (let i = 0; i < 5; i += 1) sent.push(await alice.send(channel.id, `weekly report ${i}`));

    const seen: number[] = [];
    let cursor = '';
    for (let page = 0; page < 5; page += 1) {
      const body = await search(bob, `q=weekly%20report&limit=2${cursor}`);
      seen.push(...body.results.map((m) => m.id));
      if (body.next_cursor === null) break;
      cursor = `&cursor=${body.next_cursor}`;
    }

    assert.deepEqual(seen, sent.map((m) => m.id).reverse());
  });

  it('finds neither deleted messages nor the words an edit removed', async () => {
    const channel = await alice.group(['bob']);
    const gone = await alice.send(channel.id, 'secret plan alpha');
    const edited = await alice.send(channel.id, 'draft plan beta');
    await alice.delete(`channels/${channel.id}/messages/${gone.id}/`);
    await alice.patch(`channels/${channel.id}/messages/${edited.id}/`, { content: 'final plan gamma' });

    assert.deepEqual(contents(await search(bob, 'q=plan')), ['final plan gamma']);
    assert.deepEqual(contents(await search(bob, 'q=draft')), []);
    assert.deepEqual(contents(await search(bob, 'q=secret')), []);
  });

  it('searches only the caller’s channels: not others’, not one they left', async () => {
    const theirs = await alice.group(['bob']);
    await alice.send(theirs.id, 'zebra crossing');
    const left = await alice.group(['carol']);
    await alice.send(left.id, 'zebra stripes');
    assert.equal((await carol.delete(`channels/${left.id}/participants/carol/`)).status, 200);

    assert.deepEqual(contents(await search(carol, 'q=zebra')), []);
    assert.deepEqual(contents(await search(bob, 'q=zebra')), ['zebra crossing']);
    const notMine = await carol.request('get', `search/?q=zebra&channel_id=${theirs.id}`);
    assert.deepEqual([notMine.status, notMine.body.error.code], [404, 'channel_not_found']);
  });

  it('refuses bad input with validation_error naming the field', async () => {
    for (const [query, field] of [
      ['', 'q'],
      ['q=the%20a%20of', 'q'],
      ['q=x&channel_id=nope', 'channel_id'],
      ['q=x&limit=0', 'limit'],
      ['q=x&from=yesterday', 'from'],
      ['q=x&cursor=-1', 'cursor'],
    ]) {
      const res = await alice.request('get', `search/?${query}`);
      assert.equal(res.status, 400, query);
      const fields = res.body.error.details?.fields?.map((f: { field: string }) => f.field) ?? [
        res.body.error.details?.field,
      ];
      assert.ok(fields.includes(field), `${query}: ${JSON.stringify(res.body.error)}`);
    }
  });
});
