import assert from 'node:assert/strict';
import type { ChannelView } from '../../../src/application/views/channel.view';
import { ChatClient } from '../../support/chat-client';
import { startTestApi, type TestApi } from '../../support/test-api';
import { uniqueSlug } from '../../support/test-env';
import { Sockets } from '../../realtime/support/test-socket';

describe('Channel mutes API (moderation)', () => {
  let api: TestApi;
  let tenant: string;
  let alice: ChatClient;
  let bob: ChatClient;
  let carol: ChatClient;
  let dave: ChatClient;
  let channel: ChannelView;
  const sockets = new Sockets();
  const mutes = () => `channels/${channel.id}/mutes/`;
  const send = (client: ChatClient, content = 'hi') =>
    client.post(`channels/${channel.id}/send_message/`, { content });

  before(async () => {
    api = await startTestApi();
    tenant = await api.createTenant(uniqueSlug('mutes'));
    [alice, bob, carol, dave] = await Promise.all(
      ['alice', 'bob', 'carol', 'dave'].map((u) => ChatClient.as(api, tenant, u)),
    );
  });
  afterEach(() => sockets.closeAll());
  after(() => api.stop());

  beforeEach(async () => {
    channel = await alice.group(['bob', 'carol']);
  });

  describe('POST channels/{id}/mutes/', () => {
    it('lets a muted member read and mark read, but not send, over REST and sockets', async () => {
      const earlier = await carol.send(channel.id, 'before the mute');
      const res = await alice.post(mutes(), { user_id: 'bob', reason: 'cool down' });
      const socket = await sockets.connect(api.url, `/ws/chat/${channel.id}`, bob.token);

      const refused = await send(bob);
      const ack = await socket.request<{ ok: boolean; error: { code: string } }>('chat.message', {
        content: 'over the socket',
      });
      const history = await bob.get(`channels/${channel.id}/messages/`);
      const read = await bob.post(`channels/${channel.id}/mark_read/`, {});

      assert.equal(res.status, 201);
      assert.deepEqual(
        [res.body.user_id, res.body.until, res.body.reason, res.body.created_by],
        ['bob', null, 'cool down', 'alice'],
      );
      assert.equal(refused.status, 403);
      assert.deepEqual(refused.body.error, {
        code: 'forbidden',
        message: 'you are muted in this channel',
        details: { reason: 'muted', until: null },
      });
      assert.deepEqual([ack.ok, ack.error.code], [false, 'forbidden']);
      assert.deepEqual(
        history.body.results.map((m: { id: number }) => m.id),
        [earlier.id],
      );
      assert.equal(read.status, 200);
      assert.equal((await send(carol)).status, 201);
    });

    it('says until when the mute ends', async () => {
      await alice.post(mutes(), { user_id: 'bob', until: '2099-06-01T12:00:00+02:00' });

      const refused = await send(bob);

      assert.equal(refused.body.error.details.until, '2099-06-01T10:00:00.000Z');
    });

    it('answers 200 to a repeat, replacing the mute (one mute listed)', async () => {
      await alice.post(mutes(), { user_id: 'bob' });

      const again = await alice.post(mutes(), { user_id: 'bob', until: '2099-01-01T00:00:00Z' });
      const list = await alice.get(mutes());

      assert.equal(again.status, 200);
      assert.deepEqual(
        list.body.results.map((m: { user_id: string; until: string }) => [m.user_id, m.until]),
        [['bob', '2099-01-01T00:00:00.000Z']],
      );
    });

    it('leaves the caller’s own mute of the channel (notifications) alone', async () => {
      const own = await bob.post(`channels/${channel.id}/mute/`);

      assert.deepEqual(own.body, { channel_id: channel.id, is_muted: true });
      assert.equal((await send(bob)).status, 201);
    });

    it('answers 403 insufficient_role to a member, forbidden for an admin or in a direct channel', async () => {
      await alice.post(`channels/${channel.id}/participants/`, { user_id: 'dave', role: 'admin' });
      const direct = await alice.direct('bob');

      const member = await bob.post(mutes(), { user_id: 'carol' });
      const admin = await alice.post(mutes(), { user_id: 'dave' });
      const self = await alice.post(mutes(), { user_id: 'alice' });
      const inDirect = await alice.post(`channels/${direct.id}/mutes/`, { user_id: 'bob' });

      assert.deepEqual([member.status, member.body.error.code], [403, 'insufficient_role']);
      assert.deepEqual([admin.status, admin.body.error.code], [403, 'forbidden']);
      assert.deepEqual([self.status, self.body.error.code], [403, 'forbidden']);
      assert.deepEqual([inDirect.status, inDirect.body.error.code], [403, 'forbidden']);
      assert.equal((await send(carol)).status, 201);
    });

    it('answers 404 not_found for a user who is not a participant', async () => {
      const res = await alice.post(mutes(), { user_id: 'dave' });

      assert.deepEqual([res.status, res.body.error.code], [404, 'not_found']);
    });

    it('answers 400 naming the field for a bad body', async () => {
      const cases: Array<[unknown, string]> = [
        [{}, 'user_id'],
        [{ user_id: ['bob'] }, 'user_id'],
        [{ user_id: 'bob', until: 12 }, 'until'],
        [{ user_id: 'bob', until: '2000-01-01T00:00:00Z' }, 'until'],
        [{ user_id: 'bob', reason: { $ne: null } }, 'reason'],
        [{ user_id: 'bob', is_muted: true }, 'is_muted'],
      ];

      for (const [body, field] of cases) {
        const res = await alice.post(mutes(), body);
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.deepEqual(
          res.body.error.details.fields.map((f: { field: string }) => f.field),
          [field],
          JSON.stringify(body),
        );
      }
      assert.equal((await send(bob)).status, 201);
    });

    it('answers 404 channel_not_found to a non-participant', async () => {
      const res = await dave.post(mutes(), { user_id: 'bob' });

      assert.deepEqual(res.body, { error: { code: 'channel_not_found', message: 'channel not found' } });
    });
  });

  describe('DELETE channels/{id}/mutes/{user_id}/', () => {
    it('lets the member send again at once', async () => {
      await alice.post(mutes(), { user_id: 'bob' });
      await send(bob);

      const lifted = await alice.delete(`${mutes()}bob/`);

      assert.equal(lifted.status, 200);
      assert.equal(lifted.body.user_id, 'bob');
      assert.equal((await send(bob)).status, 201);
    });

    it('answers 404 not_found to a repeat', async () => {
      await alice.post(mutes(), { user_id: 'bob' });
      await alice.delete(`${mutes()}bob/`);

      const again = await alice.delete(`${mutes()}bob/`);

      assert.deepEqual([again.status, again.body.error.code], [404, 'not_found']);
    });

    it('answers 403 insufficient_role to a member, 404 channel_not_found to a non-participant', async () => {
      await alice.post(mutes(), { user_id: 'bob' });

      const member = await carol.delete(`${mutes()}bob/`);
      const stranger = await dave.delete(`${mutes()}bob/`);

      assert.deepEqual([member.status, member.body.error.code], [403, 'insufficient_role']);
      assert.deepEqual([stranger.status, stranger.body.error.code], [404, 'channel_not_found']);
      assert.equal((await send(bob)).status, 403);
    });
  });

  describe('GET channels/{id}/mutes/', () => {
    it('lists the muted members to admins only', async () => {
      await alice.post(mutes(), { user_id: 'carol' });

      const admin = await alice.get(mutes());
      const member = await bob.get(mutes());

      assert.deepEqual(
        admin.body.results.map((m: { user_id: string }) => m.user_id),
        ['carol'],
      );
      assert.deepEqual([member.status, member.body.error.code], [403, 'insufficient_role']);
    });
  });
});
