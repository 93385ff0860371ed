import assert from 'node:assert/strict';
import type { ChannelView } from '../../src/application/views/channel.view';
import type { MessageView } from '../../src/application/views/message.view';
import { MAX_PINS_PER_CHANNEL } from '../../src/domain/pin/pin';
import { ChatClient } from '../support/chat-client';
import { startTestApi, type TestApi } from '../support/test-api';
import { uniqueSlug } from '../support/test-env';

describe('Pins API', () => {
  let api: TestApi;
  let alice: ChatClient;
  let bob: ChatClient;
  let gina: ChatClient;
  let zed: ChatClient;
  let channel: ChannelView;
  let message: MessageView;
  let pinned: string;

  before(async () => {
    api = await startTestApi();
  });
  after(() => api.stop());

  beforeEach(async () => {
    const tenant = await api.createTenant(uniqueSlug('pins'));
    [alice, bob, zed] = await Promise.all(['alice', 'bob', 'zed'].map((u) => ChatClient.as(api, tenant, u)));
    gina = await ChatClient.as(api, tenant, 'gina', { userType: 'guest' });
    const created = await alice.post('channels/', {
      channel_type: 'group',
      name: 'General',
      participants: [{ user_id: 'bob' }, { user_id: 'gina', user_type: 'guest' }],
    });
    channel = created.body;
    message = await bob.send(channel.id, 'the plan');
    pinned = `channels/${channel.id}/pinned/`;
  });

  function sendMany(count: number): Promise<MessageView[]> {
    return Promise.all(Array.from({ length: count }, (_, i) => bob.send(channel.id, `note ${i}`)));
  }

  describe('POST channels/{id}/pinned/', () => {
    it('pins for an admin: 201 with pinned_at and pinned_by, listed and shown in history', async () => {
      const res = await alice.post(pinned, { message_id: message.id });
      const list = await gina.get(pinned);
      const [inHistory] = await bob.history(channel.id);

      assert.equal(res.status, 201);
      assert.equal(res.body.pinned_by, 'alice');
      assert.ok(Date.parse(res.body.pinned_at) > 0);
      assert.equal(list.status, 200);
      assert.deepEqual(
        list.body.results.map((m: MessageView) => [m.id, m.pinned_by]),
        [[message.id, 'alice']],
      );
      assert.equal(inHistory.pinned_at, res.body.pinned_at);
    });

    it('is idempotent: pinning again answers 200 with the first pin', async () => {
      const first = await alice.post(pinned, { message_id: message.id });

      const again = await alice.post(pinned, { message_id: message.id });

      assert.equal(again.status, 200);
      assert.equal(again.body.pinned_at, first.body.pinned_at);
      assert.equal((await alice.get(pinned)).body.results.length, 1);
    });

    it('refuses a member (403 insufficient_role) until an admin sets members_can_pin; guests never', async () => {
      const before = await bob.post(pinned, { message_id: message.id });
      const setting = await alice.patch(`channels/${channel.id}/`, { members_can_pin: true });
      const asMember = await bob.post(pinned, { message_id: message.id });
      const asGuest = await gina.delete(`${pinned}${message.id}/`);

      assert.equal(before.status, 403);
      assert.equal(before.body.error.code, 'insufficient_role');
      assert.equal(setting.status, 200);
      assert.equal(setting.body.members_can_pin, true);
      assert.equal(asMember.status, 201);
      assert.equal(asGuest.status, 403);
      assert.equal(asGuest.body.error.code, 'insufficient_role');
    });

    it('lets either participant of a direct channel pin', async () => {
      const direct = await alice.direct('bob');
      const mine = await alice.send(direct.id, 'see you at 3');

      const res = await bob.post(`channels/${direct.id}/pinned/`, { message_id: mine.id });

      assert.equal(res.status, 201);
    });

    it(`answers 409 conflict past ${MAX_PINS_PER_CHANNEL} pins, also when pins race`, async () => {
      const messages = await sendMany(MAX_PINS_PER_CHANNEL + 9);

      const answers = await Promise.all(messages.map((m) => alice.post(pinned, { message_id: m.id })));
      const refused = answers.filter((a) => a.status === 409);

      assert.equal(answers.filter((a) => a.status === 201).length, MAX_PINS_PER_CHANNEL);
      assert.equal(refused.length, 9);
      assert.deepEqual(refused[0].body.error.details, { limit: MAX_PINS_PER_CHANNEL });
      assert.equal((await bob.get(pinned)).body.results.length, MAX_PINS_PER_CHANNEL);
    });

    it('answers 409 conflict for a deleted message, and unpins a message when it is deleted', async () => {
      const gone = await bob.send(channel.id, 'gone');
      await bob.delete(`channels/${channel.id}/messages/${gone.id}/`);
      await alice.post(pinned, { message_id: message.id });

      const res = await alice.post(pinned, { message_id: gone.id });
      const tombstone = await bob.delete(`channels/${channel.id}/messages/${message.id}/`);

      assert.equal(res.status, 409);
      assert.equal(res.body.error.code, 'conflict');
      assert.equal(tombstone.body.pinned_at, null);
      assert.deepEqual((await alice.get(pinned)).body.results, []);
    });

    for (const [body, field] of [
      [{ message_id: '1' }, 'message_id'],
      [{ message_id: 0 }, 'message_id'],
      [{}, 'message_id'],
      [{ message_id: 1, pinned_by: 'bob' }, 'pinned_by'],
    ] as const) {
      it(`answers 400 validation_error naming ${field} for ${JSON.stringify(body)}`, async () => {
        const res = await alice.post(pinned, body);

        assert.equal(res.status, 400);
        assert.equal(res.body.error.details.fields[0].field, field);
      });
    }

    it('answers 404: channel_not_found to a non-participant, message_not_found for another channel’s message', async () => {
      const other = await alice.group(['bob'], 'Other');
      const elsewhere = await alice.send(other.id, 'elsewhere');

      const stranger = await zed.post(pinned, { message_id: message.id });
      const listing = await zed.get(pinned);
      const wrongChannel = await alice.post(pinned, { message_id: elsewhere.id });

      assert.deepEqual(
        [stranger.status, stranger.body.error.code, listing.status, listing.body.error.code],
        [404, 'channel_not_found', 404, 'channel_not_found'],
      );
      assert.equal(wrongChannel.status, 404);
      assert.equal(wrongChannel.body.error.code, 'message_not_found');
    });
  });

  describe('DELETE channels/{id}/pinned/{message_id}/', () => {
    it('unpins for an admin, idempotently', async () => {
      await alice.post(pinned, { message_id: message.id });

      const res = await alice.delete(`${pinned}${message.id}/`);
      const again = await alice.delete(`${pinned}${message.id}`);

      assert.equal(res.status, 200);
      assert.deepEqual([res.body.pinned_at, res.body.pinned_by], [null, null]);
      assert.equal(again.status, 200);
      assert.deepEqual((await bob.get(pinned)).body.results, []);
    });

    it('answers 400 naming message_id, 403 to a member, 404 to a non-participant', async () => {
      await alice.post(pinned, { message_id: message.id });

      const malformed = await alice.delete(`${pinned}abc/`);
      const member = await bob.delete(`${pinned}${message.id}/`);
      const stranger = await zed.delete(`${pinned}${message.id}/`);

      assert.equal(malformed.status, 400);
      assert.equal(malformed.body.error.details.fields[0].field, 'message_id');
      assert.equal(member.status, 403);
      assert.equal(stranger.status, 404);
      assert.equal(stranger.body.error.code, 'channel_not_found');
    });
  });

  describe('PATCH channels/{id}/ members_can_pin', () => {
    it('is the admins’ (403 insufficient_role for a member), not on direct channels (403 forbidden)', async () => {
      const direct = await alice.direct('bob');

      const member = await bob.patch(`channels/${channel.id}/`, { members_can_pin: true });
      const onDirect = await alice.patch(`channels/${direct.id}/`, { members_can_pin: true });

      assert.equal(member.status, 403);
      assert.equal(member.body.error.code, 'insufficient_role');
      assert.equal(onDirect.status, 403);
      assert.equal(onDirect.body.error.code, 'forbidden');
    });

    it('answers 400 naming the field for a value that is not a boolean, and 400 for an empty body', async () => {
      const notBoolean = await alice.patch(`channels/${channel.id}/`, { members_can_pin: 'yes' });
      const empty = await alice.patch(`channels/${channel.id}/`, {});

      assert.equal(notBoolean.status, 400);
      assert.equal(notBoolean.body.error.details.fields[0].field, 'members_can_pin');
      assert.equal(empty.status, 400);
      assert.equal(empty.body.error.code, 'validation_error');
    });
  });
});
