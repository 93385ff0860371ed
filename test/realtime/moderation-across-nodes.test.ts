import assert from 'node:assert/strict';
import type { MessageView } from '../../src/application/views/message.view';
import { ChatClient } from '../support/chat-client';
import type { TestApi } from '../support/test-api';
import { TEST_ADMIN_TOKEN } from '../support/test-env';
import { groupChannel, startNodes, stopNodes, type ChannelScenario } from './support/cluster';
import { eventually } from './support/eventually';
import { Sockets, TestSocket } from './support/test-socket';

interface Ack {
  ok: boolean;
  error?: { code: string; details?: Record<string, unknown> };
}

/*
 * Moderation decided through one API node holds on the other at once: what a node remembers of a
 * channel (members, roles, moderation) or of a tenant (bans) is forgotten on every node before the
 * events reach the sockets, and each change reaches the sockets of both nodes.
 */
describe('Moderation across two API nodes', () => {
  let nodes: TestApi[];
  const sockets = new Sockets();

  before(async () => {
    nodes = await startNodes(2);
  });
  afterEach(() => sockets.closeAll());
  after(() => stopNodes(nodes));

  /** alice (admin) works on node 0; bob and carol are connected to the channel on node 1. */
  async function scene() {
    const chat = await groupChannel(nodes[0], ['alice', 'bob', 'carol']);
    const onB = (user: string) => new ChatClient(nodes[1], chat.tenant, user, chat.users[user].token);
    const [bobSocket, carolSocket] = await Promise.all(
      ['bob', 'carol'].map((user) =>
        sockets.connect(nodes[1].url, `/ws/chat/${chat.channelId}`, chat.users[user].token),
      ),
    );
    // Node 1 remembers the channel: it served both handshakes.
    return { chat, onB, bobSocket, carolSocket, channel: `channels/${chat.channelId}` };
  }

  it('a ban on one node removes the user on the other: told with reason banned, disconnected, refused', async () => {
    const { chat, bobSocket, carolSocket, channel } = await scene();

    const res = await chat.users.alice.post(`${channel}/bans/`, { user_id: 'bob' });
    const reason = await bobSocket.disconnection();
    const told = await carolSocket.next('participant.removed');
    const refusals = await Promise.all(
      nodes.map((node) =>
        sockets
          .track(TestSocket.open(node.url, `/ws/chat/${chat.channelId}`, chat.users.bob.token))
          .refusal(),
      ),
    );

    assert.equal(res.status, 201);
    assert.equal(reason, 'io server disconnect');
    assert.deepEqual(told, { channel_id: chat.channelId, user_id: 'bob', reason: 'banned' });
    assert.deepEqual(bobSocket.all('participant.removed'), [told]);
    assert.deepEqual(
      refusals.map((e) => e.message),
      ['channel_not_found', 'channel_not_found'],
    );
  });

  it('a mute on one node holds for the next send on the other, and its lift too', async () => {
    const { chat, onB, bobSocket, carolSocket, channel } = await scene();

    await chat.users.alice.post(`${channel}/mutes/`, { user_id: 'bob', until: '2099-01-01T00:00:00Z' });
    const muted = await carolSocket.next('participant.muted');
    const ack = await bobSocket.request<Ack>('chat.message', { content: 'muted?' });
    const rest = await onB('bob').post(`${channel}/send_message/`, { content: 'muted?' });
    await chat.users.alice.delete(`${channel}/mutes/bob/`);
    const unmuted = await bobSocket.next('participant.unmuted');
    const after = await bobSocket.request<Ack>('chat.message', { content: 'free again' });

    assert.deepEqual(muted, {
      channel_id: chat.channelId,
      user_id: 'bob',
      until: '2099-01-01T00:00:00.000Z',
    });
    assert.deepEqual(
      [ack.ok, ack.error?.code, ack.error?.details],
      [false, 'forbidden', { reason: 'muted', until: '2099-01-01T00:00:00.000Z' }],
    );
    assert.equal(rest.status, 403);
    assert.deepEqual(unmuted, { channel_id: chat.channelId, user_id: 'bob' });
    assert.equal(after.ok, true);
  });

  it('slow mode set on one node is announced and counted on both', async () => {
    const { chat, onB, bobSocket, carolSocket, channel } = await scene();

    const set = await chat.users.alice.patch(`${channel}/`, { slow_mode_seconds: 120 });
    const updated = await carolSocket.next('channel.updated');
    const first = await bobSocket.request<Ack>('chat.message', { content: 'on node 1' });
    const secondOnA = await chat.users.bob.post(`${channel}/send_message/`, { content: 'on node 0' });
    const thirdOnB = await onB('bob').post(`${channel}/send_message/`, { content: 'on node 1 again' });

    assert.deepEqual(updated, {
      channel_id: chat.channelId,
      name: 'General',
      slow_mode_seconds: 120,
      members_can_pin: false,
      updated_at: set.body.updated_at,
    });
    assert.equal(first.ok, true);
    assert.deepEqual([secondOnA.status, secondOnA.body.error.details.scope], [429, 'slow_mode']);
    assert.equal(thirdOnB.status, 429);
  });

  it('a role change on one node takes effect for slow mode on the other', async () => {
    const { chat, onB, channel } = await scene();
    await chat.users.alice.patch(`${channel}/`, { slow_mode_seconds: 120 });
    await onB('bob').post(`${channel}/send_message/`, { content: 'one' });

    await chat.users.alice.patch(`${channel}/participants/bob/`, { role: 'admin' });
    const asAdmin = await eventually(
      () => onB('bob').post(`${channel}/send_message/`, { content: 'as admin' }),
      (res) => res.status === 201,
      'bob’s send on node 1 after his promotion',
    );

    assert.equal(asAdmin.status, 201);
  });

  it('a flag raised on one node is listed through the other', async () => {
    const { chat, onB, channel } = await scene();
    const message = await chat.users.alice.send(chat.channelId, 'flag me');

    const flagged = await onB('bob').post(`${channel}/messages/${message.id}/flags/`, { reason: 'spam' });
    const listed = await nodes[0].http
      .get(`/api/admin/tenants/${chat.tenant}/flags/`)
      .set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}`);

    assert.equal(flagged.status, 201);
    assert.deepEqual(
      listed.body.results.map((f: { id: string }) => f.id),
      [flagged.body.id],
    );
  });

  describe('a tenant ban', () => {
    const banPath = (chat: ChannelScenario, user: string) =>
      `/api/admin/tenants/${chat.tenant}/bans/${user}/`;

    it('closes the user’s sockets on the other node, which refuses them from then on, until lifted', async () => {
      const { chat, onB, bobSocket } = await scene();
      const presence = await sockets.connect(nodes[1].url, '/ws/presence', chat.users.bob.token);

      const banned = await nodes[0].http
        .post(banPath(chat, 'bob'))
        .set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}`)
        .send({});
      const reasons = [await bobSocket.disconnection(), await presence.disconnection()];
      const restOnB = await onB('bob').get('channels/');
      const refusal = await sockets
        .track(TestSocket.open(nodes[1].url, '/ws/presence', chat.users.bob.token))
        .refusal();
      await nodes[0].http.delete(banPath(chat, 'bob')).set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}`);
      const liftedOnB = await eventually(
        () => onB('bob').get('channels/'),
        (res) => res.status === 200,
        'bob’s request on node 1 after the lift',
      );

      assert.equal(banned.status, 201);
      assert.deepEqual(reasons, ['io server disconnect', 'io server disconnect']);
      assert.deepEqual([restOnB.status, restOnB.body.error.details.reason], [403, 'banned']);
      assert.equal(refusal.message, 'forbidden');
      assert.equal(liftedOnB.status, 200);
    });
  });

  describe('a block', () => {
    it('reaches the blocker’s other devices, and the other node flags and refuses accordingly', async () => {
      const { chat, onB } = await scene();
      const direct = await chat.users.alice.direct('bob');
      const bobMessage = await chat.users.bob.send(chat.channelId, 'from bob');
      const alicePresence = await sockets.connect(nodes[1].url, '/ws/presence', chat.users.alice.token);
      await onB('alice').get(`channels/${chat.channelId}/messages/`); // node 1 remembers alice's (empty) list

      await chat.users.alice.post('blocks/', { user_id: 'bob' });
      const told = await alicePresence.next('block.updated');
      const history = await eventually(
        () => onB('alice').get(`channels/${chat.channelId}/messages/`),
        (res) => res.body.results.some((m: MessageView) => m.from_blocked_user),
        'alice’s history on node 1 after the block',
      );
      const directSend = await onB('bob').post(`channels/${direct.id}/send_message/`, { content: 'hi' });
      await chat.users.alice.delete('blocks/bob/');
      const unblocked = await alicePresence.next('block.updated', (p) => p.blocked === false);

      assert.deepEqual(told, { user_id: 'bob', blocked: true });
      assert.deepEqual(
        history.body.results
          .filter((m: MessageView) => m.id === bobMessage.id)
          .map((m: MessageView) => m.from_blocked_user),
        [true],
      );
      assert.deepEqual([directSend.status, directSend.body.error.details], [403, { reason: 'blocked' }]);
      assert.deepEqual(unblocked, { user_id: 'bob', blocked: false });
    });
  });
});
