import assert from 'node:assert/strict';
import type { ChannelView } from '../../../src/application/views/channel.view';
import { ChatClient } from '../../support/chat-client';
import { startTestApi, type TestApi } from '../../support/test-api';
import { uniqueSlug } from '../../support/test-env';

describe('Channel bans API', () => {
  let api: TestApi;
  let alice: ChatClient;
  let bob: ChatClient;
  let carol: ChatClient;
  let dave: ChatClient;
  let channel: ChannelView;
  const bans = () => `channels/${channel.id}/bans/`;

  before(async () => {
    api = await startTestApi();
    const tenant = await api.createTenant(uniqueSlug('bans'));
    [alice, bob, carol, dave] = await Promise.all(
      ['alice', 'bob', 'carol', 'dave'].map((u) => ChatClient.as(api, tenant, u)),
    );
  });
  after(() => api.stop());

  beforeEach(async () => {
    channel = await alice.group(['bob', 'carol']);
  });

  describe('POST channels/{id}/bans/', () => {
    it('removes a banned participant, who can no longer read or send', async () => {
      const res = await alice.post(bans(), { user_id: 'bob', reason: 'spam' });

      assert.equal(res.status, 201);
      assert.deepEqual(
        { ...res.body, created_at: undefined },
        {
          channel_id: channel.id,
          user_id: 'bob',
          until: null,
          reason: 'spam',
          created_by: 'alice',
          created_at: undefined,
        },
      );
      const view = await alice.get(`channels/${channel.id}/`);
      assert.deepEqual(
        view.body.participants.map((p: { user_id: string }) => p.user_id),
        ['alice', 'carol'],
      );
      assert.equal((await bob.get(`channels/${channel.id}/`)).status, 404);
      const send = await bob.post(`channels/${channel.id}/send_message/`, { content: 'let me in' });
      assert.equal(send.status, 404);
      assert.equal(send.body.error.code, 'channel_not_found');
    });

    it('keeps a banned user from being added back, alone or in a list (nobody of the list is added)', async () => {
      await alice.post(bans(), { user_id: 'bob' });

      const single = await alice.post(`channels/${channel.id}/participants/`, { user_id: 'bob' });
      const bulk = await alice.post(`channels/${channel.id}/participants/`, {
        participants: [{ user_id: 'dave' }, { user_id: 'bob' }],
      });

      assert.equal(single.status, 409);
      assert.deepEqual(single.body.error.details, { reason: 'banned', user_id: 'bob', until: null });
      assert.equal(bulk.status, 409);
      assert.equal((await dave.get(`channels/${channel.id}/`)).status, 404);
    });

    it('keeps out a user banned before they were ever in', async () => {
      const res = await alice.post(bans(), { user_id: 'dave', until: '2099-01-01T00:00:00Z' });
      const add = await alice.post(`channels/${channel.id}/participants/`, { user_id: 'dave' });

      assert.equal(res.status, 201);
      assert.equal(res.body.until, '2099-01-01T00:00:00.000Z');
      assert.equal(add.status, 409);
      assert.equal(add.body.error.details.until, '2099-01-01T00:00:00.000Z');
    });

    it('answers 200 to a repeat and replaces the ban (one ban listed)', async () => {
      await alice.post(bans(), { user_id: 'bob', reason: 'first' });

      const again = await alice.post(bans(), {
        user_id: 'bob',
        reason: 'second',
        until: '2099-01-01T00:00:00Z',
      });
      const list = await alice.get(bans());

      assert.equal(again.status, 200);
      assert.deepEqual(
        list.body.results.map((b: { user_id: string; reason: string; until: string }) => [
          b.user_id,
          b.reason,
          b.until,
        ]),
        [['bob', 'second', '2099-01-01T00:00:00.000Z']],
      );
    });

    it('answers 403 insufficient_role to a member', async () => {
      const res = await bob.post(bans(), { user_id: 'carol' });

      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, 'insufficient_role');
      assert.equal((await carol.get(`channels/${channel.id}/`)).status, 200);
    });

    it('answers 403 forbidden to an admin banning themselves, and in a direct channel', async () => {
      const direct = await alice.direct('bob');

      const self = await alice.post(bans(), { user_id: 'alice' });
      const inDirect = await alice.post(`channels/${direct.id}/bans/`, { user_id: 'bob' });

      assert.deepEqual([self.status, self.body.error.code], [403, 'forbidden']);
      assert.deepEqual([inDirect.status, inDirect.body.error.code], [403, 'forbidden']);
    });

    it('answers 400 naming the field for a bad body', async () => {
      const cases: Array<[unknown, string]> = [
        [{}, 'user_id'],
        [{ user_id: 7 }, 'user_id'],
        [{ user_id: 'bob', until: 'tomorrow' }, 'until'],
        [{ user_id: 'bob', until: '2001-01-01T00:00:00Z' }, 'until'],
        [{ user_id: 'bob', reason: 'x'.repeat(501) }, 'reason'],
        [{ user_id: 'bob', created_by: 'carol' }, 'created_by'],
      ];

      for (const [body, field] of cases) {
        const res = await alice.post(bans(), body);
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.deepEqual(
          res.body.error.details.fields.map((f: { field: string }) => f.field),
          [field],
          JSON.stringify(body),
        );
      }
      assert.equal((await bob.get(`channels/${channel.id}/`)).status, 200);
    });

    it('answers 404 channel_not_found to a non-participant, and for a channel that does not exist', async () => {
      const stranger = await dave.post(bans(), { user_id: 'bob' });
      const missing = await alice.post(`channels/00000000-0000-4000-8000-000000000000/bans/`, {
        user_id: 'bob',
      });

      assert.deepEqual([stranger.status, stranger.body], [404, missing.body]);
      assert.equal(missing.body.error.code, 'channel_not_found');
    });
  });

  describe('DELETE channels/{id}/bans/{user_id}/', () => {
    it('lifts the ban: the user may be added again (not added by it)', async () => {
      await alice.post(bans(), { user_id: 'bob', reason: 'spam' });

      const lifted = await alice.delete(`${bans()}bob/`);
      const before = await bob.get(`channels/${channel.id}/`);
      const add = await alice.post(`channels/${channel.id}/participants/`, { user_id: 'bob' });

      assert.equal(lifted.status, 200);
      assert.equal(lifted.body.reason, 'spam');
      assert.equal(before.status, 404);
      assert.equal(add.status, 201);
      assert.equal((await bob.send(channel.id, 'back')).user_id, 'bob');
    });

    it('answers 404 not_found when there is no ban, so a repeat changes nothing', async () => {
      await alice.post(bans(), { user_id: 'bob' });
      await alice.delete(`${bans()}bob/`);

      const again = await alice.delete(`${bans()}bob/`);

      assert.deepEqual([again.status, again.body.error.code], [404, 'not_found']);
    });

    it('answers 403 insufficient_role to a member, 404 channel_not_found to a non-participant', async () => {
      await alice.post(bans(), { user_id: 'dave' });

      const member = await bob.delete(`${bans()}dave/`);
      const stranger = await dave.delete(`${bans()}dave/`);

      assert.deepEqual([member.status, member.body.error.code], [403, 'insufficient_role']);
      assert.deepEqual([stranger.status, stranger.body.error.code], [404, 'channel_not_found']);
    });
  });

  describe('GET channels/{id}/bans/', () => {
    it('lists the bans in force to admins, oldest first', async () => {
      await alice.post(bans(), { user_id: 'bob' });
      await alice.post(bans(), { user_id: 'dave' });

      const res = await alice.get(bans());

      assert.equal(res.status, 200);
      assert.deepEqual(
        res.body.results.map((b: { user_id: string }) => b.user_id),
        ['bob', 'dave'],
      );
    });

    it('answers 403 insufficient_role to a member and 404 to a non-participant', async () => {
      const member = await carol.get(bans());
      const stranger = await dave.get(bans());

      assert.deepEqual([member.status, member.body.error.code], [403, 'insufficient_role']);
      assert.deepEqual([stranger.status, stranger.body.error.code], [404, 'channel_not_found']);
    });
  });
});
