import assert from 'node:assert/strict';
import type { ChannelView } from '../../src/application/views/channel.view';
import type { MessageView } from '../../src/application/views/message.view';
import { ChatClient } from '../support/chat-client';
import { startTestApi, type TestApi } from '../support/test-api';
import { uniqueSlug } from '../support/test-env';

describe('Reactions API', () => {
  let api: TestApi;
  let alice: ChatClient;
  let bob: ChatClient;
  let gina: ChatClient;
  let zed: ChatClient;
  let channel: ChannelView;
  let message: MessageView;
  let path: string;

  before(async () => {
    api = await startTestApi();
  });
  after(() => api.stop());

  beforeEach(async () => {
    const tenant = await api.createTenant(uniqueSlug('reactions'));
    [alice, bob, zed] = await Promise.all(['alice', 'bob', 'zed'].map((u) => ChatClient.as(api, tenant, u)));
    gina = await ChatClient.as(api, tenant, 'gina', { userType: 'guest' });
    const created = await alice.post('channels/', {
      channel_type: 'group',
      name: 'General',
      participants: [{ user_id: 'bob' }, { user_id: 'gina', user_type: 'guest' }],
    });
    channel = created.body;
    message = await alice.send(channel.id, 'ship it?');
    path = `channels/${channel.id}/messages/${message.id}/reactions/`;
  });

  describe('POST channels/{id}/messages/{message_id}/reactions/', () => {
    it('answers 201 with the message, its counts and the caller’s own reactions', async () => {
      await bob.post(path, { emoji: '+1' });

      const res = await alice.post(path, { emoji: 'heart' });

      assert.equal(res.status, 201);
      assert.equal(res.body.id, message.id);
      assert.deepEqual(res.body.reaction_counts, { '+1': 1, heart: 1 });
      assert.deepEqual(res.body.own_reactions, ['heart']);
    });

    it('shows each reader their own reactions in history, the channel and the inbox', async () => {
      await bob.post(path, { emoji: '+1' });
      await alice.post(path, { emoji: '+1' });
      await alice.post(path, { emoji: 'tada' });

      const [forBob] = await bob.history(channel.id);
      const forAlice = (await alice.get(`channels/${channel.id}/`)).body.last_message;
      const inbox = (await gina.get('channels/')).body.results[0].last_message;
      const centralized = (await bob.post(`channels/${channel.id}/centralized/`)).body;

      assert.deepEqual([forBob.reaction_counts, forBob.own_reactions], [{ '+1': 2, tada: 1 }, ['+1']]);
      assert.deepEqual(forAlice.own_reactions, ['+1', 'tada']);
      assert.deepEqual([inbox.reaction_counts, inbox.own_reactions], [{ '+1': 2, tada: 1 }, []]);
      assert.deepEqual(centralized.messages[0].own_reactions, ['+1']);
      assert.deepEqual(centralized.conversations[0].last_message.own_reactions, ['+1']);
    });

    it('shows the caller’s own reactions in search results too', async () => {
      await bob.post(path, { emoji: '+1' });
      await alice.post(path, { emoji: 'rocket' });

      const res = await bob.get('search/?q=ship');

      assert.equal(res.status, 200);
      assert.deepEqual(
        [res.body.results[0].id, res.body.results[0].reaction_counts, res.body.results[0].own_reactions],
        [message.id, { '+1': 1, rocket: 1 }, ['+1']],
      );
    });

    it('lets a guest react, as every participant may', async () => {
      const res = await gina.post(path, { emoji: 'eyes' });

      assert.equal(channel.participants.find((p) => p.user_id === 'gina')?.role, 'guest');
      assert.equal(res.status, 201);
    });

    it('is idempotent: a repeat answers 200 and stores nothing more', async () => {
      await bob.post(path, { emoji: '+1' });

      const again = await bob.post(path, { emoji: '+1' });

      assert.equal(again.status, 200);
      assert.deepEqual(again.body.reaction_counts, { '+1': 1 });
    });

    it('counts every user once under concurrency: 12 users at once, and one user 8 times at once', async () => {
      const others = Array.from({ length: 12 }, (_, i) => `user-${i}`);
      await alice.post(`channels/${channel.id}/participants/`, {
        participants: others.map((user_id) => ({ user_id })),
      });
      const clients = await Promise.all(others.map((u) => ChatClient.as(api, alice.tenant, u)));

      const answers = await Promise.all([
        ...clients.map((c) => c.post(path, { emoji: 'fire' })),
        ...Array.from({ length: 8 }, () => bob.post(path, { emoji: '+1' })),
      ]);

      assert.deepEqual(
        answers.map((a) => a.status).sort(),
        [...Array(13).fill(201), ...Array(7).fill(200)].sort(),
      );
      const [stored] = await alice.history(channel.id);
      assert.deepEqual(stored.reaction_counts, { fire: 12, '+1': 1 });
    });

    for (const [body, field] of [
      [{ emoji: 'thumbsup' }, 'emoji'],
      [{ emoji: '👍' }, 'emoji'],
      [{ emoji: { $ne: null } }, 'emoji'],
      [{}, 'emoji'],
      [{ emoji: '+1', user_id: 'bob' }, 'user_id'],
    ] as const) {
      it(`answers 400 validation_error naming ${field} for ${JSON.stringify(body)}`, async () => {
        const res = await bob.post(path, body);

        assert.equal(res.status, 400);
        assert.equal(res.body.error.code, 'validation_error');
        assert.equal(res.body.error.details.fields[0].field, field);
      });
    }

    it('answers 400 naming message_id for an id that is not a positive integer', async () => {
      const res = await bob.post(`channels/${channel.id}/messages/1e3/reactions/`, { emoji: '+1' });

      assert.equal(res.status, 400);
      assert.equal(res.body.error.details.fields[0].field, 'message_id');
    });

    it('answers 404 channel_not_found to a non-participant, and message_not_found for another channel’s message', async () => {
      const other = await alice.group(['bob'], 'Other');
      const elsewhere = await alice.send(other.id, 'elsewhere');

      const stranger = await zed.post(path, { emoji: '+1' });
      const wrongChannel = await bob.post(`channels/${channel.id}/messages/${elsewhere.id}/reactions/`, {
        emoji: '+1',
      });

      assert.equal(stranger.status, 404);
      assert.deepEqual(stranger.body, { error: { code: 'channel_not_found', message: 'channel not found' } });
      assert.equal(wrongChannel.status, 404);
      assert.equal(wrongChannel.body.error.code, 'message_not_found');
    });

    it('answers 409 conflict for a deleted message (a tombstone takes no reactions)', async () => {
      await alice.delete(`channels/${channel.id}/messages/${message.id}/`);

      const res = await bob.post(path, { emoji: '+1' });

      assert.equal(res.status, 409);
      assert.equal(res.body.error.code, 'conflict');
    });
  });

  describe('DELETE channels/{id}/messages/{message_id}/reactions/', () => {
    it('takes back only the caller’s reaction, idempotently', async () => {
      await bob.post(path, { emoji: '+1' });
      await alice.post(path, { emoji: '+1' });

      const res = await bob.delete(path, { emoji: '+1' });
      const again = await bob.delete(path, { emoji: '+1' });

      assert.equal(res.status, 200);
      assert.deepEqual([res.body.reaction_counts, res.body.own_reactions], [{ '+1': 1 }, []]);
      assert.equal(again.status, 200);
      assert.deepEqual(again.body.reaction_counts, { '+1': 1 });
      assert.deepEqual((await alice.history(channel.id))[0].own_reactions, ['+1']);
    });

    it('answers 400 naming emoji without one, and 404 to a non-participant', async () => {
      const missing = await bob.delete(path);
      const stranger = await zed.delete(path, { emoji: '+1' });

      assert.equal(missing.status, 400);
      assert.equal(missing.body.error.details.fields[0].field, 'emoji');
      assert.equal(stranger.status, 404);
      assert.equal(stranger.body.error.code, 'channel_not_found');
    });
  });

  describe('deleting a message', () => {
    it('removes its reactions: the tombstone shows none, in history and in the inbox', async () => {
      await bob.post(path, { emoji: '+1' });

      const deleted = await alice.delete(`channels/${channel.id}/messages/${message.id}/`);
      const inbox = (await bob.get(`channels/${channel.id}/`)).body.last_message;
      const untouched = await bob.delete(path, { emoji: '+1' });

      assert.deepEqual([deleted.body.reaction_counts, deleted.body.own_reactions], [{}, []]);
      assert.deepEqual([inbox.reaction_counts, inbox.own_reactions], [{}, []]);
      assert.equal(untouched.status, 200);
    });
  });
});
