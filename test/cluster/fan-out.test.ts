import assert from 'node:assert/strict';
import { groupChannel } from '../realtime/support/cluster';
import {
  restSendReachesOnlyItsChannel,
  socketSendReachesTheOtherNodeOnce,
} from '../realtime/support/fan-out-scenarios';
import { Sockets, type TestSocket } from '../realtime/support/test-socket';
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
    let bobPresence!: TestSocket;
    const { chat } = await restSendReachesOnlyItsChannel(nodeA, nodeB, sockets, async (scenario) => {
      bobPresence = await sockets.connect(nodeB.url, '/ws/presence', await scenario.token('bob'));
    });

    const unread = await bobPresence.next('unread.update', (u) => u.channel_id === chat.channelId);
    assert.deepEqual(unread, { channel_id: chat.channelId, unread_count: 1, total_unread: 1 });
  });

  it('acks a chat.message sent on a socket of node A and delivers it once to node B, a repeat not at all', async () => {
    await socketSendReachesTheOtherNodeOnce(nodeA, nodeB, sockets);
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
