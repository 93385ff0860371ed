import assert from 'node:assert/strict';
import type { TestApi } from '../support/test-api';
import { TcpProxy } from '../support/tcp-proxy';
import { groupChannel, startNodes, stopNodes } from './support/cluster';
import { ChannelFollower, type MessagePage } from './support/channel-follower';
import { Sockets, TestSocket } from './support/test-socket';

describe('Reconnecting after a dropped connection', () => {
  let nodes: TestApi[];
  let proxy: TcpProxy;
  const sockets = new Sockets();

  before(async () => {
    nodes = await startNodes(2);
    proxy = new TcpProxy(await TcpProxy.reservePort(), { host: '127.0.0.1', port: nodes[1].node.port });
    await proxy.up();
  });
  afterEach(() => sockets.closeAll());
  after(async () => {
    await proxy.down();
    await stopNodes(nodes);
  });

  it('loses no message and applies none twice, with the seq / after= recipe', async () => {
    const chat = await groupChannel(nodes[0], ['alice', 'bob']);
    // The follower is there before the first connect: its first resync pages from nothing (after=0).
    const bob = sockets.track(
      TestSocket.open(
        `http://127.0.0.1:${proxy.port}`,
        `/ws/chat/${chat.channelId}`,
        await chat.token('bob'),
        {
          reconnection: true,
          reconnectionDelay: 50,
          reconnectionDelayMax: 100,
          randomizationFactor: 0,
        },
      ),
    );
    const pagesAfter: number[] = [];
    const follower = new ChannelFollower(bob.socket, async (after) => {
      pagesAfter.push(after);
      const res = await chat.users.bob.get(`channels/${chat.channelId}/messages/?after=${after}&limit=2`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body as MessagePage;
    });
    await bob.connected();
    const send = (n: number) => chat.users.alice.send(chat.channelId, `m${n}`);
    for (let n = 1; n <= 3; n++) await send(n);
    await follower.until(3);

    await proxy.down();
    await bob.disconnection();
    for (let n = 4; n <= 8; n++) await send(n);
    await proxy.up();
    await follower.until(8);
    for (let n = 9; n <= 10; n++) await send(n);
    await follower.until(10);

    assert.deepEqual(
      follower.applied.map((m) => m.content),
      ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10'],
    );
    assert.deepEqual(
      follower.applied.map((m) => m.seq),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
    assert.equal(pagesAfter[0], 0);
  });
});
