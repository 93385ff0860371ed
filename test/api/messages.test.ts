import assert from 'node:assert/strict';
import type { ChannelView } from '../../src/application/views/channel.view';
import type { MessageView } from '../../src/application/views/message.view';
import { ChatClient } from '../support/chat-client';
import { startTestApi, type TestApi } from '../support/test-api';
import { uniqueSlug } from '../support/test-env';

describe('Messages API', () => {
  let api: TestApi;
  let alice: ChatClient;
  let bob: ChatClient;
  let carol: ChatClient;
  let channel: ChannelView;

  before(async () => {
    api = await startTestApi();
  });
  after(() => api.stop());

  beforeEach(async () => {
    const tenant = await api.createTenant(uniqueSlug('messages'));
    [alice, bob, carol] = await Promise.all(
      ['alice', 'bob', 'carol'].map((u) => ChatClient.as(api, tenant, u)),
    );
    channel = await alice.group(['bob', 'carol']);
  });

  describe('GET channels/{id}/messages/', () => {
    it('answers the latest page in ascending order with has_more flags', async () => {
      for (const text of ['one', 'two', 'three']) await alice.send(channel.id, text);

      const res = await bob.get(`channels/${channel.id}/messages/?limit=2`);

      assert.equal(res.status, 200);
      assert.deepEqual(
        res.body.results.map((m: MessageView) => m.content),
        ['two', 'three'],
      );
      assert.equal(res.body.has_more_before, true);
      assert.equal(res.body.has_more_after, false);
    });

    it('lists a thread’s replies with parent_id', async () => {
      const root = await alice.send(channel.id, 'root');
      await bob.send(channel.id, 'reply', { parent_id: root.id });
      await carol.send(channel.id, 'not in the thread');

      const res = await bob.get(`channels/${channel.id}/messages/?parent_id=${root.id}`);

      assert.deepEqual(
        res.body.results.map((m: MessageView) => m.content),
        ['reply'],
      );
    });

    it('answers the first page with after=0, and an empty one for a channel without messages', async () => {
      const empty = await bob.get(`channels/${channel.id}/messages/?after=0`);
      for (const text of ['one', 'two', 'three']) await alice.send(channel.id, text);

      const res = await bob.get(`channels/${channel.id}/messages/?after=0&limit=2`);

      assert.equal(empty.status, 200);
      assert.deepEqual(empty.body, { results: [], has_more_before: false, has_more_after: false });
      assert.equal(res.status, 200);
      assert.deepEqual(
        res.body.results.map((m: MessageView) => m.content),
        ['one', 'two'],
      );
      assert.equal(res.body.has_more_before, false);
      assert.equal(res.body.has_more_after, true);
    });

    for (const query of [
      'limit=0',
      'limit=101',
      'before=-1',
      'before=1e3',
      'after=abc',
      'after=00',
      'before=0',
      'before=1&before=2',
      'page=2',
    ]) {
      it(`answers 400 validation_error for ?${query}`, async () => {
        const res = await bob.get(`channels/${channel.id}/messages/?${query}`);

        assert.equal(res.status, 400);
        assert.equal(res.body.error.code, 'validation_error');
      });
    }

    it('answers 404 message_not_found for a bound that is not in the channel', async () => {
      const res = await bob.get(`channels/${channel.id}/messages/?before=999999`);

      assert.equal(res.status, 404);
      assert.equal(res.body.error.code, 'message_not_found');
    });
  });

  describe('PATCH channels/{id}/messages/{message_id}/', () => {
    it('lets the author edit the content', async () => {
      const message = await bob.send(channel.id, 'typo');

      const res = await bob.patch(`channels/${channel.id}/messages/${message.id}/`, { content: 'fixed' });

      assert.equal(res.status, 200);
      assert.equal(res.body.content, 'fixed');
      assert.notEqual(res.body.edited_at, null);
    });

    it('answers 403 forbidden to anyone else, even an admin', async () => {
      const message = await bob.send(channel.id, 'mine');

      const res = await alice.patch(`channels/${channel.id}/messages/${message.id}/`, { content: 'yours' });

      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, 'forbidden');
    });

    it('answers 409 conflict for a deleted message and 404 for an unknown one', async () => {
      const message = await bob.send(channel.id, 'gone');
      await bob.delete(`channels/${channel.id}/messages/${message.id}/`);

      const deleted = await bob.patch(`channels/${channel.id}/messages/${message.id}/`, { content: 'back' });
      const unknown = await bob.patch(`channels/${channel.id}/messages/999999/`, { content: 'x' });

      assert.equal(deleted.status, 409);
      assert.equal(deleted.body.error.code, 'conflict');
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.error.code, 'message_not_found');
    });
  });

  describe('DELETE channels/{id}/messages/{message_id}/', () => {
    it('leaves a tombstone in the history, for the author, idempotently', async () => {
      const message = await bob.send(channel.id, 'secret');

      const res = await bob.delete(`channels/${channel.id}/messages/${message.id}/`);
      const again = await bob.delete(`channels/${channel.id}/messages/${message.id}`);
      const [stored] = await alice.history(channel.id);

      assert.equal(res.status, 200);
      assert.equal(again.status, 200);
      assert.equal(stored.content, '');
      assert.notEqual(stored.deleted_at, null);
    });

    it("lets an admin delete a member's message, and refuses a member with 403 insufficient_role", async () => {
      const fromBob = await bob.send(channel.id, 'spam');
      const fromAlice = await alice.send(channel.id, 'rules');

      const byAdmin = await alice.delete(`channels/${channel.id}/messages/${fromBob.id}/`);
      const byMember = await carol.delete(`channels/${channel.id}/messages/${fromAlice.id}/`);

      assert.equal(byAdmin.status, 200);
      assert.equal(byMember.status, 403);
      assert.equal(byMember.body.error.code, 'insufficient_role');
    });

    it('answers 400 for a message id that is not a positive integer', async () => {
      const res = await bob.delete(`channels/${channel.id}/messages/0/`);

      assert.equal(res.status, 400);
      assert.equal(res.body.error.details.fields[0].field, 'message_id');
    });
  });
});
