import assert from 'node:assert/strict';
import type { MessageView } from '../../src/application/views/message.view';
import { groupChannel } from '../realtime/support/cluster';
import { Sockets } from '../realtime/support/test-socket';
import type { TestApi } from '../support/test-api';
import { startClusterNodes, stopClusterNodes } from './support/cluster-env';

interface Typing {
  channel_id: string;
  user_id: string;
  is_typing: boolean;
}

const TYPING_TIMEOUT_MS = 700;

/*
 * Two API nodes on the Redis Cluster (workers inline): what one node publishes reaches the sockets
 * of the other through the sharded adapter, and only those it is for.
 */
describe('On a Redis Cluster: channel events across two API nodes', () => {
  let nodeA: TestApi;
  let nodeB: TestApi;
  const sockets = new Sockets();

  before(async () => {
    [nodeA, nodeB] = await startClusterNodes(2, {
      WORKERS_INLINE: 'true',
      TYPING_TIMEOUT_MS: String(TYPING_TIMEOUT_MS),
      TYPING_THROTTLE_MS: '5000',
    });
  });
  afterEach(() => sockets.closeAll());
  after(() => stopClusterNodes([nodeA, nodeB]));

  it('delivers a REST send on node A to the participant sockets on node B, its unread.update to the others, and nothing to anyone else', async () => {
    const chat = await groupChannel(nodeA, ['alice', 'bob', 'carol']);
    const sameTenant = await chat.users.carol.group(['dave'], 'Side');
    const otherTenant = await groupChannel(nodeA, ['alice', 'bob']);
    const ns = `/ws/chat/${chat.channelId}`;
    const members = await Promise.all(
      ['alice', 'bob', 'carol'].map(async (u) => sockets.connect(nodeB.url, ns, await chat.token(u))),
    );
    const bobPresence = await sockets.connect(nodeB.url, '/ws/presence', await chat.token('bob'));
    const dave = await sockets.connect(nodeB.url, `/ws/chat/${sameTenant.id}`, await chat.token('dave'));
    const namesake = await sockets.connect(
      nodeB.url,
      `/ws/chat/${otherTenant.channelId}`,
      await otherTenant.token('bob'),
    );

    const sent = await chat.users.alice.send(chat.channelId, 'hello from A');
    const markers = [
      await chat.users.carol.send(sameTenant.id, 'marker'),
      await otherTenant.users.alice.send(otherTenant.channelId, 'marker'),
    ];

    for (const member of members) assert.deepEqual(await member.next<MessageView>('chat.message'), sent);
    const unread = await bobPresence.next('unread.update', (u) => u.channel_id === chat.channelId);
    assert.deepEqual(unread, { channel_id: chat.channelId, unread_count: 1, total_unread: 1 });
    for (const [i, outsider] of [dave, namesake].entries()) {
      // Each marker travels the same path to node B after the message: once it is in, the message would be.
      await outsider.next<MessageView>('chat.message', (m) => m.id === markers[i].id);
      assert.deepEqual(
        outsider.all<MessageView>('chat.message').map((m) => m.content),
        ['marker'],
      );
    }
  });

  it('acks a chat.message sent on a socket of node A and delivers it once to node B, a repeat not at all', async () => {
    const chat = await groupChannel(nodeA, ['alice', 'bob']);
    const ns = `/ws/chat/${chat.channelId}`;
    const alice = await sockets.connect(nodeA.url, ns, await chat.token('alice'));
    const bob = await sockets.connect(nodeB.url, ns, await chat.token('bob'));

    const first = await alice.request<{ ok: true; message: MessageView }>('chat.message', {
      content: 'hi',
      client_message_id: 'c-1',
    });
    const again = await alice.request<{ ok: true; message: MessageView }>('chat.message', {
      content: 'hi',
      client_message_id: 'c-1',
    });
    const next = await alice.request<{ ok: true; message: MessageView }>('chat.message', { content: 'next' });

    assert.equal(first.ok, true);
    assert.deepEqual(again.message, first.message);
    await bob.next<MessageView>('chat.message', (m) => m.id === next.message.id);
    assert.deepEqual(
      bob.all<MessageView>('chat.message').map((m) => [m.seq, m.content]),
      [
        [1, 'hi'],
        [2, 'next'],
      ],
    );
  });

  it('shows typing on node A to the channel on node B, then stops it by itself after the quiet time', async () => {
    const chat = await groupChannel(nodeA, ['tina', 'olga']);
    const tina = await sockets.connect(nodeA.url, `/ws/chat/${chat.channelId}`, await chat.token('tina'));
    const olgaChat = await sockets.connect(nodeB.url, `/ws/chat/${chat.channelId}`, await chat.token('olga'));
    const olgaTyping = await sockets.connect(
      nodeB.url,
      `/ws/typing/${chat.channelId}`,
      await chat.token('olga'),
    );

    const acks = [];
    for (let i = 0; i < 3; i++) acks.push(await tina.request('typing', { is_typing: true }));
    const typedAt = Date.now();

    assert.deepEqual(acks, [{ ok: true }, { ok: true }, { ok: true }]);
    for (const olga of [olgaChat, olgaTyping]) {
      const stopped = await olga.next<Typing>('typing', (t) => !t.is_typing);
      assert.deepEqual(stopped, { channel_id: chat.channelId, user_id: 'tina', is_typing: false });
      assert.deepEqual(
        olga.all<Typing>('typing').map((t) => t.is_typing),
        [true, false],
      );
    }
    assert.ok(Date.now() - typedAt >= TYPING_TIMEOUT_MS - 100, 'stopped by the timeout, not at once');
    assert.deepEqual(tina.all('typing'), [], 'a typer does not hear themselves');
  });
});
