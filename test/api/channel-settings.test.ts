import assert from 'node:assert/strict';
import { ChatClient } from '../support/chat-client';
import { startTestApi, type TestApi } from '../support/test-api';
import { uniqueSlug } from '../support/test-env';

describe('Channel settings API', () => {
  let api: TestApi;
  let alice: ChatClient;
  let bob: ChatClient;

  before(async () => {
    api = await startTestApi();
  });
  after(() => api.stop());

  beforeEach(async () => {
    const tenant = await api.createTenant(uniqueSlug('channels'));
    [alice, bob] = await Promise.all(['alice', 'bob'].map((u) => ChatClient.as(api, tenant, u)));
  });

  describe('GET channels/{id}/', () => {
    it("answers the channel with the caller's own state, with or without the trailing slash", async () => {
      const channel = await alice.group(['bob']);
      await alice.send(channel.id, 'hello');

      const forBob = await bob.get(`channels/${channel.id}/`);
      const noSlash = await bob.get(`channels/${channel.id}`);

      assert.equal(forBob.status, 200);
      assert.equal(forBob.body.unread_count, 1);
      assert.equal(forBob.body.last_message.content, 'hello');
      assert.deepEqual(noSlash.body, forBob.body);
    });

    it('answers 400 for an id that is not a UUID and 404 for an unknown one', async () => {
      const malformed = await alice.get('channels/not-a-uuid/');
      const unknown = await alice.get('channels/3f0e8a4c-1b2d-4e5f-8a9b-0c1d2e3f4a5b/');

      assert.equal(malformed.status, 400);
      assert.equal(malformed.body.error.details.fields[0].field, 'id');
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.error.code, 'channel_not_found');
    });
  });

  describe('PATCH channels/{id}/', () => {
    it('renames the channel for an admin', async () => {
      const channel = await alice.group(['bob'], 'Old');

      const res = await alice.patch(`channels/${channel.id}/`, { name: 'New' });

      assert.equal(res.status, 200);
      assert.equal(res.body.name, 'New');
      assert.equal((await bob.get(`channels/${channel.id}/`)).body.name, 'New');
    });

    it('answers 403 insufficient_role to a member', async () => {
      const channel = await alice.group(['bob'], 'Old');

      const res = await bob.patch(`channels/${channel.id}/`, { name: 'Mine' });

      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, 'insufficient_role');
    });

    it('answers 403 forbidden for a direct channel, which has no name', async () => {
      const channel = await alice.direct('bob');

      const res = await alice.patch(`channels/${channel.id}/`, { name: 'Us' });

      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, 'forbidden');
    });
  });

  describe('POST channels/{id}/mute/ and unmute/', () => {
    it('mutes and unmutes the channel for the caller only, idempotently', async () => {
      const channel = await alice.group(['bob']);

      const muted = await bob.post(`channels/${channel.id}/mute/`);
      const mutedAgain = await bob.post(`channels/${channel.id}/mute/`);
      const seenByBob = await bob.get(`channels/${channel.id}/`);
      const seenByAlice = await alice.get(`channels/${channel.id}/`);
      const unmuted = await bob.post(`channels/${channel.id}/unmute`);

      assert.equal(muted.status, 200);
      assert.deepEqual(mutedAgain.body, { channel_id: channel.id, is_muted: true });
      assert.equal(seenByBob.body.is_muted, true);
      assert.equal(seenByAlice.body.is_muted, false);
      assert.deepEqual(unmuted.body, { channel_id: channel.id, is_muted: false });
    });
  });
});
