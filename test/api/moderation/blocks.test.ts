import assert from 'node:assert/strict';
import type { MessageView } from '../../../src/application/views/message.view';
import { ChatClient } from '../../support/chat-client';
import { startTestApi, type TestApi } from '../../support/test-api';
import { uniqueSlug } from '../../support/test-env';

type Flagged = Pick<MessageView, 'user_id' | 'from_blocked_user'>;

describe('Blocks API', () => {
  let api: TestApi;
  let alice: ChatClient;
  let bob: ChatClient;
  let carol: ChatClient;
  let dave: ChatClient;
  const flagsOf = (messages: Flagged[]) => messages.map((m) => [m.user_id, m.from_blocked_user]);

  before(async () => {
    api = await startTestApi();
  });
  beforeEach(async () => {
    const tenant = await api.createTenant(uniqueSlug('blocks'));
    [alice, bob, carol, dave] = await Promise.all(
      ['alice', 'bob', 'carol', 'dave'].map((u) => ChatClient.as(api, tenant, u)),
    );
  });
  after(() => api.stop());

  describe('POST blocks/', () => {
    it('blocks a user: listed, and their group messages stored but flagged for the blocker only', async () => {
      const group = await alice.group(['bob', 'carol']);
      const res = await alice.post('blocks/', { user_id: 'bob' });
      await bob.send(group.id, 'from bob');
      await carol.send(group.id, 'from carol');
      await bob.send(group.id, 'bob again');

      const list = await alice.get('blocks/');
      const aliceHistory = await alice.get(`channels/${group.id}/messages/`);
      const carolHistory = await carol.get(`channels/${group.id}/messages/`);

      assert.equal(res.status, 201);
      assert.equal(res.body.user_id, 'bob');
      assert.deepEqual(
        list.body.results.map((b: { user_id: string }) => b.user_id),
        ['bob'],
      );
      assert.deepEqual(flagsOf(aliceHistory.body.results), [
        ['bob', true],
        ['carol', false],
        ['bob', true],
      ]);
      assert.deepEqual(flagsOf(carolHistory.body.results), [
        ['bob', false],
        ['carol', false],
        ['bob', false],
      ]);
    });

    it('flags the last message of the blocker’s inbox, channel and centralized views', async () => {
      const group = await alice.group(['bob']);
      await alice.post('blocks/', { user_id: 'bob' });
      await bob.send(group.id, 'latest');

      const inbox = await alice.get('channels/');
      const channel = await alice.get(`channels/${group.id}/`);
      const central = await alice.post(`channels/${group.id}/centralized/`, {});

      assert.equal(inbox.body.results[0].last_message.from_blocked_user, true);
      assert.equal(channel.body.last_message.from_blocked_user, true);
      assert.equal(central.body.conversations[0].last_message.from_blocked_user, true);
      assert.deepEqual(flagsOf(central.body.messages), [['bob', true]]);
    });

    it('closes their direct channel to both users, and opens it again when unblocked', async () => {
      const direct = await alice.direct('bob');
      await alice.send(direct.id, 'before');
      await alice.post('blocks/', { user_id: 'bob' });

      const fromBlocked = await bob.post(`channels/${direct.id}/send_message/`, { content: 'hey' });
      const fromBlocker = await alice.post(`channels/${direct.id}/send_message/`, { content: 'hey' });
      const history = await bob.get(`channels/${direct.id}/messages/`);
      await alice.delete('blocks/bob/');
      const after = await bob.post(`channels/${direct.id}/send_message/`, { content: 'hey' });

      assert.deepEqual([fromBlocked.status, fromBlocked.body.error.details], [403, { reason: 'blocked' }]);
      assert.deepEqual([fromBlocker.status, fromBlocker.body.error.code], [403, 'forbidden']);
      assert.equal(history.status, 200);
      assert.equal(after.status, 201);
    });

    it('keeps the blocked user from opening a direct channel with the blocker, existing or not', async () => {
      await alice.post('blocks/', { user_id: 'bob' });
      await alice.post('blocks/', { user_id: 'carol' });
      await carol.direct('dave');
      const existing = await alice.direct('dave');
      await alice.post('blocks/', { user_id: 'dave' });

      const fresh = await bob.post('channels/', { channel_type: 'direct', participant_ids: ['alice'] });
      const again = await dave.post('channels/', { channel_type: 'direct', participant_ids: ['alice'] });

      assert.deepEqual([fresh.status, fresh.body.error.code], [403, 'forbidden']);
      assert.deepEqual([again.status, again.body.error.details], [403, { reason: 'blocked' }]);
      assert.equal((await dave.get(`channels/${existing.id}/`)).status, 200);
    });

    it('lets the blocker open a direct channel, which takes no message until they unblock', async () => {
      await alice.post('blocks/', { user_id: 'bob' });

      const opened = await alice.post('channels/', { channel_type: 'direct', participant_ids: ['bob'] });
      const send = await alice.post(`channels/${opened.body.id}/send_message/`, { content: 'hi' });
      await alice.delete('blocks/bob/');
      const after = await bob.post(`channels/${opened.body.id}/send_message/`, { content: 'hi' });

      assert.equal(opened.status, 201);
      assert.deepEqual([send.status, send.body.error.details], [403, { reason: 'blocked' }]);
      assert.equal(after.status, 201);
    });

    it('keeps a direct channel closed while either user still blocks the other', async () => {
      const direct = await alice.direct('bob');
      await alice.post('blocks/', { user_id: 'bob' });
      await bob.post('blocks/', { user_id: 'alice' });

      await alice.delete('blocks/bob/');
      const send = await alice.post(`channels/${direct.id}/send_message/`, { content: 'hi' });

      assert.equal(send.status, 403);
    });

    it('answers 200 to a repeat, listing the block once', async () => {
      const first = await alice.post('blocks/', { user_id: 'bob' });

      const again = await alice.post('blocks/', { user_id: 'bob' });
      const list = await alice.get('blocks/');

      assert.equal(again.status, 200);
      assert.deepEqual(again.body, first.body);
      assert.equal(list.body.results.length, 1);
    });

    it('is the caller’s own: nobody else sees it, and a guest may block too', async () => {
      const guest = await ChatClient.as(api, alice.tenant, 'gus', { userType: 'guest' });
      await alice.post('blocks/', { user_id: 'bob' });

      const guestBlock = await guest.post('blocks/', { user_id: 'alice' });
      const bobList = await bob.get('blocks/');

      assert.equal(guestBlock.status, 201);
      assert.deepEqual(bobList.body.results, []);
    });

    it('answers 400 naming the field for a bad body (oneself included)', async () => {
      const cases: Array<[unknown, string]> = [
        [{}, 'user_id'],
        [{ user_id: 'alice' }, 'user_id'],
        [{ user_id: 5 }, 'user_id'],
        [{ user_id: '' }, 'user_id'],
        [{ user_id: 'bob', blocker_id: 'carol' }, 'blocker_id'],
      ];

      for (const [body, field] of cases) {
        const res = await alice.post('blocks/', body);
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.deepEqual(
          res.body.error.details.fields.map((f: { field: string }) => f.field),
          [field],
          JSON.stringify(body),
        );
      }
      assert.deepEqual((await alice.get('blocks/')).body.results, []);
    });

    it('gives a third user 404 channel_not_found for the direct channel of two others', async () => {
      const direct = await alice.direct('bob');
      await alice.post('blocks/', { user_id: 'bob' });

      const res = await carol.post(`channels/${direct.id}/send_message/`, { content: 'hi' });

      assert.deepEqual([res.status, res.body.error.code], [404, 'channel_not_found']);
    });
  });

  describe('DELETE blocks/{user_id}/', () => {
    it('unblocks: no longer listed nor flagged', async () => {
      const group = await alice.group(['bob']);
      await bob.send(group.id, 'hello');
      await alice.post('blocks/', { user_id: 'bob' });

      const res = await alice.delete('blocks/bob/');
      const history = await alice.get(`channels/${group.id}/messages/`);

      assert.equal(res.status, 200);
      assert.equal(res.body.user_id, 'bob');
      assert.deepEqual((await alice.get('blocks/')).body.results, []);
      assert.deepEqual(flagsOf(history.body.results), [['bob', false]]);
    });

    it('answers 404 not_found for a user not blocked (a repeat changes nothing)', async () => {
      await alice.post('blocks/', { user_id: 'bob' });
      await alice.delete('blocks/bob/');

      const again = await alice.delete('blocks/bob/');
      const never = await alice.delete('blocks/carol/');

      assert.deepEqual([again.status, again.body.error.code], [404, 'not_found']);
      assert.deepEqual([never.status, never.body.error.code], [404, 'not_found']);
    });
  });
});
