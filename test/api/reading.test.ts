import assert from 'node:assert/strict';
import type { ChannelView } from '../../src/application/views/channel.view';
import { ChatClient } from '../support/chat-client';
import { startTestApi, type TestApi } from '../support/test-api';
import { uniqueSlug } from '../support/test-env';

describe('Reading API', () => {
  let api: TestApi;
  let alice: ChatClient;
  let bob: ChatClient;
  let channel: ChannelView;

  before(async () => {
    // Read receipts are written by the read-receipts worker: run the workers in this process.
    api = await startTestApi({ WORKERS_INLINE: 'true' });
  });
  after(() => api.stop());

  beforeEach(async () => {
    const tenant = await api.createTenant(uniqueSlug('reading'));
    [alice, bob] = await Promise.all(['alice', 'bob'].map((u) => ChatClient.as(api, tenant, u)));
    channel = await alice.group(['bob']);
  });

  describe('POST channels/{id}/mark_read/', () => {
    it('moves the pointer to the latest message by default', async () => {
      await alice.send(channel.id, 'one');
      const last = await alice.send(channel.id, 'two');

      const res = await bob.post(`channels/${channel.id}/mark_read/`);

      assert.equal(res.status, 200);
      assert.deepEqual(res.body, { channel_id: channel.id, last_read_message_id: last.id, unread_count: 0 });
    });

    it('never moves the pointer back', async () => {
      const first = await alice.send(channel.id, 'one');
      const last = await alice.send(channel.id, 'two');
      await bob.post(`channels/${channel.id}/mark_read/`, { message_id: last.id });

      const res = await bob.post(`channels/${channel.id}/mark_read/`, { message_id: first.id });

      assert.equal(res.status, 200);
      assert.equal(res.body.last_read_message_id, last.id);
      assert.equal((await bob.get(`channels/${channel.id}/`)).body.last_read_message_id, last.id);
    });

    it('counts what is left unread after a message in the middle', async () => {
      const first = await alice.send(channel.id, 'one');
      await alice.send(channel.id, 'two');
      await alice.send(channel.id, 'three');

      const res = await bob.post(`channels/${channel.id}/mark_read/`, { message_id: first.id });

      assert.equal(res.body.unread_count, 2);
    });

    it("moves the sender's own pointer when they send", async () => {
      await alice.send(channel.id, 'question');
      const answer = await bob.send(channel.id, 'answer');

      const seen = await bob.get(`channels/${channel.id}/`);

      assert.equal(seen.body.last_read_message_id, answer.id);
      assert.equal(seen.body.unread_count, 0);
    });

    it('answers 404 message_not_found for a message of another channel', async () => {
      const other = await alice.group(['bob'], 'Other');
      const elsewhere = await alice.send(other.id, 'elsewhere');

      const res = await bob.post(`channels/${channel.id}/mark_read/`, { message_id: elsewhere.id });

      assert.equal(res.status, 404);
      assert.equal(res.body.error.code, 'message_not_found');
    });

    it('answers 400 for a message_id given as a string', async () => {
      const res = await bob.post(`channels/${channel.id}/mark_read/`, { message_id: '1' });

      assert.equal(res.status, 400);
      assert.equal(res.body.error.details.fields[0].field, 'message_id');
    });
  });

  describe('GET channels/{id}/messages/{message_id}/read_by/', () => {
    it('lists who read the message once the receipt worker has recorded it, not its author', async () => {
      const message = await alice.send(channel.id, 'read me');
      await bob.post(`channels/${channel.id}/mark_read/`);

      const readers = await pollReadBy(alice, channel.id, message.id, 1);

      assert.deepEqual(
        readers.map((r) => r.user_id),
        ['bob'],
      );
      assert.ok(!Number.isNaN(Date.parse(readers[0].read_at)));
    });

    it('answers 404 message_not_found for an unknown message', async () => {
      const res = await alice.get(`channels/${channel.id}/messages/999999/read_by/`);

      assert.equal(res.status, 404);
      assert.equal(res.body.error.code, 'message_not_found');
    });
  });

  describe('the centralized view', () => {
    it('POST channels/{id}/centralized/ answers the anchor, its latest messages and every conversation', async () => {
      const other = await bob.group(['alice'], 'Other');
      await bob.send(other.id, 'unread for alice');
      await bob.send(channel.id, 'also unread');

      const res = await alice.post(`channels/${channel.id}/centralized/`, { limit: 10 });

      assert.equal(res.status, 200);
      assert.equal(res.body.channel.id, channel.id);
      assert.deepEqual(
        res.body.messages.map((m: { content: string }) => m.content),
        ['also unread'],
      );
      assert.deepEqual(
        res.body.conversations.map((c: ChannelView) => c.id),
        [channel.id, other.id],
      );
      assert.deepEqual(res.body.totals, { unread_channels: 2, unread_messages: 2 });
    });

    it('GET centralized/ answers the same view without an anchor, muted channels counted only on request', async () => {
      await bob.send(channel.id, 'hello');
      await alice.post(`channels/${channel.id}/mute/`);

      const res = await alice.get('centralized/');
      const withMuted = await alice.get('centralized/?include_muted=true');

      assert.equal(res.status, 200);
      assert.equal(res.body.channel, null);
      assert.deepEqual(res.body.messages, []);
      assert.deepEqual(
        res.body.conversations.map((c: ChannelView) => [c.id, c.is_muted]),
        [[channel.id, true]],
      );
      assert.deepEqual(res.body.totals, { unread_channels: 0, unread_messages: 0 });
      assert.deepEqual(withMuted.body.totals, { unread_channels: 1, unread_messages: 1 });
    });

    it('answers 400 for an include_muted that is not a boolean', async () => {
      const query = await alice.get('centralized/?include_muted=yes');
      const body = await alice.post(`channels/${channel.id}/centralized/`, { include_muted: 'true' });

      assert.equal(query.status, 400);
      assert.equal(body.status, 400);
    });
  });
});

/** Polls read_by until it lists `count` readers (the receipt is written by a worker), for up to 5 s. */
async function pollReadBy(client: ChatClient, channelId: string, messageId: number, count: number) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const res = await client.get(`channels/${channelId}/messages/${messageId}/read_by/`);
    assert.equal(res.status, 200);
    if (res.body.results.length >= count)
      return res.body.results as Array<{ user_id: string; read_at: string }>;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`read_by never listed ${count} readers`);
}
