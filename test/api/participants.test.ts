import assert from 'node:assert/strict';
import type { ChannelView } from '../../src/application/views/channel.view';
import { ChatClient } from '../support/chat-client';
import { startTestApi, type TestApi } from '../support/test-api';
import { uniqueSlug } from '../support/test-env';
import { Sockets } from '../realtime/support/test-socket';

describe('Participants API', () => {
  let api: TestApi;
  let tenant: string;
  let alice: ChatClient;
  let bob: ChatClient;
  let dave: ChatClient;
  let channel: ChannelView;

  before(async () => {
    api = await startTestApi();
  });
  after(() => api.stop());

  beforeEach(async () => {
    tenant = await api.createTenant(uniqueSlug('participants'));
    [alice, bob, dave] = await Promise.all(
      ['alice', 'bob', 'dave'].map((u) => ChatClient.as(api, tenant, u)),
    );
    channel = await alice.group(['bob']);
  });

  describe('POST channels/{id}/participants/', () => {
    it('lets an admin add a user, who joins as a member and can read the channel', async () => {
      const res = await alice.post(`channels/${channel.id}/participants/`, { user_id: 'dave' });

      assert.equal(res.status, 201);
      assert.equal(res.body.user_id, 'dave');
      assert.equal(res.body.role, 'member');
      assert.equal((await dave.get(`channels/${channel.id}/`)).status, 200);
    });

    it('answers 200 and changes nothing when the user is already in', async () => {
      const res = await alice.post(`channels/${channel.id}/participants/`, { user_id: 'bob', role: 'admin' });

      assert.equal(res.status, 200);
      assert.equal(res.body.role, 'member');
    });

    it('answers 403 insufficient_role to a member', async () => {
      const res = await bob.post(`channels/${channel.id}/participants/`, { user_id: 'dave' });

      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, 'insufficient_role');
    });

    it('answers 403 insufficient_role to a guest', async () => {
      const guest = await ChatClient.as(api, tenant, 'gus', { userType: 'guest' });
      await alice.post(`channels/${channel.id}/participants/`, { user_id: 'gus', user_type: 'guest' });

      const res = await guest.post(`channels/${channel.id}/participants/`, { user_id: 'dave' });

      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, 'insufficient_role');
    });

    it('answers 403 forbidden for a direct channel', async () => {
      const direct = await alice.direct('bob');

      const res = await alice.post(`channels/${direct.id}/participants/`, { user_id: 'dave' });

      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, 'forbidden');
    });

    it('answers 400 for a user_id that is not a string', async () => {
      const res = await alice.post(`channels/${channel.id}/participants/`, { user_id: ['dave'] });

      assert.equal(res.status, 400);
      assert.equal(res.body.error.details.fields[0].field, 'user_id');
    });
  });

  describe('POST channels/{id}/participants/ with {participants: [...]}', () => {
    const sockets = new Sockets();
    afterEach(() => sockets.closeAll());

    const addMany = (participants: unknown, by: ChatClient = alice) =>
      by.post(`channels/${channel.id}/participants/`, { participants });
    const members = async () =>
      ((await alice.get(`channels/${channel.id}/`)).body as ChannelView).participants.map((p) => p.user_id);

    it('adds every listed user at once and answers 201 with the updated channel', async () => {
      const res = await addMany([
        { user_id: 'dave' },
        { user_id: 'erin', role: 'admin' },
        { user_id: 'gus', user_type: 'guest' },
      ]);

      assert.equal(res.status, 201);
      assert.equal(res.body.id, channel.id);
      assert.deepEqual(
        (res.body as ChannelView).participants.map((p) => [p.user_id, p.role, p.user_type]),
        [
          ['alice', 'admin', 'internal'],
          ['bob', 'member', 'internal'],
          ['dave', 'member', 'internal'],
          ['erin', 'admin', 'internal'],
          ['gus', 'guest', 'guest'],
        ],
      );
      assert.equal((await dave.get(`channels/${channel.id}/`)).status, 200);
    });

    it('publishes participant.added once for each user it added', async () => {
      const socket = await sockets.connect(api.url, `/ws/chat/${channel.id}`, bob.token);

      await addMany([{ user_id: 'dave' }, { user_id: 'bob' }, { user_id: 'erin' }]);

      // Events of a channel arrive in publish order: once this message is in, every event before it is.
      await alice.send(channel.id, 'after the add');
      await socket.next('chat.message');
      assert.deepEqual(
        socket
          .all<{ participant: { user_id: string } }>('participant.added')
          .map((e) => e.participant.user_id),
        ['dave', 'erin'],
      );
    });

    it('leaves those already in unchanged, and answers 200 when nobody was added', async () => {
      const some = await addMany([{ user_id: 'bob', role: 'admin' }, { user_id: 'dave' }]);
      const none = await addMany([
        { user_id: 'bob', role: 'admin' },
        { user_id: 'dave', role: 'admin' },
      ]);

      assert.equal(some.status, 201);
      assert.equal(none.status, 200);
      assert.deepEqual(
        (none.body as ChannelView).participants.map((p) => [p.user_id, p.role]),
        [
          ['alice', 'admin'],
          ['bob', 'member'],
          ['dave', 'member'],
        ],
      );
    });

    it('adds nobody when one entry is invalid, and names that entry', async () => {
      const res = await addMany([
        { user_id: 'dave' },
        { user_id: 'erin', role: 'owner' },
        { user_id: 'gus' },
      ]);

      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, 'validation_error');
      assert.deepEqual(
        res.body.error.details.fields.map((f: { field: string }) => f.field),
        ['participants.1.role'],
      );
      assert.deepEqual(await members(), ['alice', 'bob']);
    });

    it('adds nobody when an entry is refused by the domain (a blank user id)', async () => {
      const res = await addMany([{ user_id: 'dave' }, { user_id: '   ' }]);

      assert.equal(res.status, 400);
      assert.equal(res.body.error.details.fields[0].field, 'participants.1.user_id');
      assert.deepEqual(await members(), ['alice', 'bob']);
    });

    it('refuses a user listed twice, naming the repeat, and adds nobody', async () => {
      const res = await addMany([
        { user_id: 'dave' },
        { user_id: 'erin' },
        { user_id: 'dave', role: 'admin' },
      ]);

      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, 'validation_error');
      assert.equal(res.body.error.details.fields[0].field, 'participants.2.user_id');
      assert.deepEqual(await members(), ['alice', 'bob']);
    });

    it('answers 403 insufficient_role to a member and adds nobody', async () => {
      const res = await addMany([{ user_id: 'dave' }], bob);

      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, 'insufficient_role');
      assert.deepEqual(await members(), ['alice', 'bob']);
    });

    it('takes 1 to 100 entries', async () => {
      const hundred = Array.from({ length: 100 }, (_, i) => ({ user_id: `u${i}` }));
      const empty = await addMany([]);
      const tooMany = await addMany([...hundred, { user_id: 'u100' }]);

      const full = await addMany(hundred);

      assert.deepEqual([empty.status, tooMany.status], [400, 400]);
      assert.equal(empty.body.error.details.fields[0].field, 'participants');
      assert.equal(tooMany.body.error.details.fields[0].field, 'participants');
      assert.equal(full.status, 201);
      assert.equal((full.body as ChannelView).participants.length, 102);
    });

    it('refuses a body mixing both forms', async () => {
      const res = await alice.post(`channels/${channel.id}/participants/`, {
        user_id: 'dave',
        participants: [{ user_id: 'erin' }],
      });

      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, 'validation_error');
      assert.deepEqual(await members(), ['alice', 'bob']);
    });
  });

  describe('PATCH channels/{id}/participants/{user_id}/', () => {
    it('lets an admin change a role', async () => {
      const res = await alice.patch(`channels/${channel.id}/participants/bob/`, { role: 'admin' });

      assert.equal(res.status, 200);
      assert.equal(res.body.role, 'admin');
    });

    it('answers 403 insufficient_role to a member', async () => {
      const res = await bob.patch(`channels/${channel.id}/participants/bob/`, { role: 'admin' });

      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, 'insufficient_role');
    });

    it('answers 409 conflict when the last admin steps down while others remain', async () => {
      const res = await alice.patch(`channels/${channel.id}/participants/alice/`, { role: 'member' });

      assert.equal(res.status, 409);
      assert.equal(res.body.error.code, 'conflict');
    });

    it('answers 404 not_found for a user who is not a participant, and 400 for an unknown role', async () => {
      const missing = await alice.patch(`channels/${channel.id}/participants/dave/`, { role: 'admin' });
      const badRole = await alice.patch(`channels/${channel.id}/participants/bob/`, { role: 'owner' });

      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.code, 'not_found');
      assert.equal(badRole.status, 400);
    });
  });

  describe('DELETE channels/{id}/participants/{user_id}/', () => {
    it('lets an admin remove someone, who then no longer sees the channel', async () => {
      const res = await alice.delete(`channels/${channel.id}/participants/bob/`);

      assert.equal(res.status, 200);
      assert.equal(res.body.removed.user_id, 'bob');
      assert.equal((await bob.get(`channels/${channel.id}/`)).status, 404);
    });

    it('refuses a removed participant’s send at once, though their sends a moment before were let in', async () => {
      // The sends before the removal leave the channel's members in the node's memory.
      for (const content of ['one', 'two'])
        assert.equal((await bob.post(`channels/${channel.id}/send_message/`, { content })).status, 201);

      await alice.delete(`channels/${channel.id}/participants/bob/`);
      const res = await bob.post(`channels/${channel.id}/send_message/`, { content: 'after' });

      assert.equal(res.status, 404);
      assert.equal(res.body.error.code, 'channel_not_found');
      assert.deepEqual(
        (await alice.history(channel.id)).map((m) => m.content),
        ['one', 'two'],
      );
    });

    it('lets anyone leave, and promotes a successor when the last admin leaves', async () => {
      const res = await alice.delete(`channels/${channel.id}/participants/alice/`);

      assert.equal(res.status, 200);
      assert.equal(res.body.promoted.user_id, 'bob');
      assert.equal(res.body.promoted.role, 'admin');
    });

    it('answers 403 insufficient_role to a member removing someone else', async () => {
      const res = await bob.delete(`channels/${channel.id}/participants/alice/`);

      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, 'insufficient_role');
    });

    it('answers 404 not_found for a user who is not a participant', async () => {
      const res = await alice.delete(`channels/${channel.id}/participants/dave/`);

      assert.equal(res.status, 404);
      assert.equal(res.body.error.code, 'not_found');
    });

    it('accepts URL-encoded user ids', async () => {
      await alice.post(`channels/${channel.id}/participants/`, { user_id: 'user/with space' });

      const res = await alice.delete(
        `channels/${channel.id}/participants/${encodeURIComponent('user/with space')}/`,
      );

      assert.equal(res.status, 200);
      assert.equal(res.body.removed.user_id, 'user/with space');
    });
  });
});
