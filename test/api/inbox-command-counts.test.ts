import assert from 'node:assert/strict';
import { ChatClient } from '../support/chat-client';
import { MongoCommandCount, monitoredMongoUrl } from '../support/mongo-command-count';
import { startTestApi, type TestApi } from '../support/test-api';
import { uniqueSlug } from '../support/test-env';

/** What issue 10 allows each inbox read, whatever the number of channels of the caller. */
const MAX_COMMANDS = 4;

interface Inbox {
  tenant: string;
  reader: ChatClient;
  anchorId: string;
}

/** A tenant where `reader` is in `channels` groups, each with a message from someone else; one muted. */
async function inboxOf(api: TestApi, channels: number): Promise<Inbox> {
  const tenant = await api.createTenant(uniqueSlug('counts'));
  const [reader, writer] = await Promise.all([
    ChatClient.as(api, tenant, 'reader'),
    ChatClient.as(api, tenant, 'writer'),
  ]);
  const ids: string[] = [];
  for (let i = 0; i < channels; i += 1) {
    const channel = await writer.group(['reader'], `group ${i}`);
    await writer.send(channel.id, `hello ${i}`);
    ids.push(channel.id);
  }
  await reader.post(`channels/${ids[0]}/mark_read/`);
  await reader.post(`channels/${ids[1]}/mute/`);
  // The first request of a user opens the tenant and writes their profile: not what is counted.
  await reader.get('channels/');
  return { tenant, reader, anchorId: ids[0] };
}

describe('MongoDB commands per inbox read', () => {
  let api: TestApi;
  let counter: MongoCommandCount;
  let small: Inbox;
  let large: Inbox;
  before(async function () {
    this.timeout(120_000);
    api = await startTestApi({ MONGO_URL: monitoredMongoUrl() });
    counter = new MongoCommandCount(api);
    small = await inboxOf(api, 3);
    large = await inboxOf(api, 30);
  });
  after(() => api.stop());

  const reads: Array<[string, (inbox: Inbox) => Promise<unknown>]> = [
    ['GET channels/', (inbox) => inbox.reader.get('channels/')],
    ['GET centralized/', (inbox) => inbox.reader.get('centralized/')],
    [
      'POST channels/{id}/centralized/',
      (inbox) => inbox.reader.post(`channels/${inbox.anchorId}/centralized/`),
    ],
    ['GET channels/{id}/', (inbox) => inbox.reader.get(`channels/${inbox.anchorId}/`)],
  ];

  for (const [name, read] of reads) {
    it(`${name} sends the same few commands for a caller in 3 or in 30 channels`, async () => {
      const [inSmall, inLarge] = [
        await counter.during(small.tenant, () => read(small)),
        await counter.during(large.tenant, () => read(large)),
      ];
      console.log(`      ${name}: ${inSmall.length} commands in 3 channels, ${inLarge.length} in 30`);

      assert.ok(inLarge.length <= MAX_COMMANDS, `in 30 channels: ${inLarge.join(', ')}`);
      assert.equal(inLarge.length, inSmall.length, `3: ${inSmall.join(', ')}; 30: ${inLarge.join(', ')}`);
    });
  }

  it('still answers every channel of the caller, with its last message and unread count', async () => {
    const res = await large.reader.get('centralized/');

    assert.equal(res.status, 200);
    assert.equal(res.body.conversations.length, 30);
    assert.ok(res.body.conversations.every((c: { last_message: unknown }) => c.last_message !== null));
    assert.deepEqual(res.body.totals, { unread_channels: 28, unread_messages: 28 });
  });
});
