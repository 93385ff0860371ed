import assert from 'node:assert/strict';
import type { ChannelView } from '../../src/application/views/channel.view';
import { ChatClient } from '../support/chat-client';
import { MongoCommandCount, monitoredMongoUrl } from '../support/mongo-command-count';
import { startTestApi, type TestApi } from '../support/test-api';
import { uniqueSlug } from '../support/test-env';

/**
 * Reactions and pins are kept on the messages they concern (and on the channel's copy of its last
 * message), so what reads messages sends the same commands whether they carry reactions or not;
 * a reaction or a pin costs a few commands of its own, whatever the message already carries.
 */
describe('MongoDB commands with reactions and pins', () => {
  let api: TestApi;
  let counter: MongoCommandCount;
  let tenant: string;
  let alice: ChatClient;
  let bob: ChatClient;
  let plain: ChannelView;
  let decorated: ChannelView;

  before(async function () {
    this.timeout(120_000);
    api = await startTestApi({ MONGO_URL: monitoredMongoUrl() });
    counter = new MongoCommandCount(api);
    tenant = await api.createTenant(uniqueSlug('react-counts'));
    [alice, bob] = await Promise.all(['alice', 'bob'].map((u) => ChatClient.as(api, tenant, u)));
    [plain, decorated] = [await alice.group(['bob'], 'plain'), await alice.group(['bob'], 'decorated')];
    for (const channel of [plain, decorated]) {
      await Promise.all(Array.from({ length: 30 }, (_, i) => alice.send(channel.id, `message ${i}`)));
    }
    for (const m of await alice.history(decorated.id)) {
      await bob.post(`channels/${decorated.id}/messages/${m.id}/reactions/`, { emoji: '+1' });
      await alice.post(`channels/${decorated.id}/messages/${m.id}/reactions/`, { emoji: 'heart' });
      if (m.seq % 10 === 0) await alice.post(`channels/${decorated.id}/pinned/`, { message_id: m.id });
    }
    await bob.get('channels/'); // the first request of a user writes their profile: not what is counted
  });
  after(() => api.stop());

  const reads: Array<[string, (channel: ChannelView) => Promise<unknown>]> = [
    ['GET channels/{id}/messages/', (c) => bob.get(`channels/${c.id}/messages/`)],
    ['GET channels/{id}/', (c) => bob.get(`channels/${c.id}/`)],
    ['POST channels/{id}/centralized/', (c) => bob.post(`channels/${c.id}/centralized/`)],
  ];

  for (const [name, read] of reads) {
    it(`${name} sends the same commands for messages with reactions and pins as without`, async () => {
      const withNone = await counter.during(tenant, () => read(plain));
      const withSome = await counter.during(tenant, () => read(decorated));

      assert.deepEqual(withSome, withNone);
    });
  }

  it('still answers the reactions and pins it did not read separately', async () => {
    const res = await bob.get(`channels/${decorated.id}/messages/`);

    assert.equal(res.body.results.length, 30);
    assert.ok(
      res.body.results.every((m: { reaction_counts: object }) => Object.keys(m.reaction_counts).length === 2),
    );
    assert.deepEqual(
      res.body.results.filter((m: { pinned_by: string | null }) => m.pinned_by === 'alice').length,
      3,
    );
  });

  it('costs a reaction the same few commands on a message with 2 reactions as on one with none', async () => {
    const [bare] = (await alice.history(plain.id)).slice(-1);
    const [busy] = (await alice.history(decorated.id)).slice(-1);

    const onBare = await counter.during(tenant, () =>
      bob.post(`channels/${plain.id}/messages/${bare.id}/reactions/`, { emoji: 'tada' }),
    );
    const onBusy = await counter.during(tenant, () =>
      bob.post(`channels/${decorated.id}/messages/${busy.id}/reactions/`, { emoji: 'tada' }),
    );
    console.log(`      a reaction: ${onBusy.join(', ')}`);

    assert.deepEqual(onBusy, onBare);
    assert.ok(onBusy.length <= 6, onBusy.join(', '));
  });

  it('costs a pin a few commands, whatever the channel already has pinned', async () => {
    const [bare] = (await alice.history(plain.id)).slice(-2);
    const [busy] = (await alice.history(decorated.id)).slice(-2); // not pinned: seq 29

    const inBare = await counter.during(tenant, () =>
      alice.post(`channels/${plain.id}/pinned/`, { message_id: bare.id }),
    );
    const inBusy = await counter.during(tenant, () =>
      alice.post(`channels/${decorated.id}/pinned/`, { message_id: busy.id }),
    );
    console.log(`      a pin: ${inBusy.join(', ')}`);

    assert.deepEqual(inBusy, inBare);
    assert.ok(inBusy.length <= 6, inBusy.join(', '));
  });
});
