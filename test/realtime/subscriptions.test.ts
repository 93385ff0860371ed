import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import type { MessageView } from '../../src/application/views/message.view';
import type { TestApi } from '../support/test-api';
import { REDIS_URL, testConfig } from '../support/test-env';
import { groupChannel, startNodes, stopNodes } from './support/cluster';
import { eventually } from './support/eventually';
import { Sockets, TestSocket } from './support/test-socket';

const CHANNELS = 24;
const PREFIX = `${testConfig().REDIS_KEY_PREFIX}:socket.io`;

describe('Redis subscriptions of the Socket.IO adapter', () => {
  let nodes: TestApi[];
  let redis: Redis;
  const sockets = new Sockets();

  before(async () => {
    nodes = await startNodes(2);
    redis = new Redis(REDIS_URL);
  });
  afterEach(() => sockets.closeAll());
  after(async () => {
    await redis.quit();
    await stopNodes(nodes);
  });

  const shardChannels = async () =>
    ((await redis.call('PUBSUB', 'SHARDCHANNELS', `${PREFIX}#*`)) as string[]).sort();
  const subscribersOf = async (channel: string) =>
    Number(((await redis.call('PUBSUB', 'SHARDNUMSUB', channel)) as [string, number])[1]);

  it('follow the channels in use: one node per channel namespace, none left once its sockets are gone', async () => {
    const baseline = await shardChannels();
    const chat = await groupChannel(nodes[0], ['alice', 'bob']);
    const channelIds = [chat.channelId];
    for (let i = 1; i < CHANNELS; i++)
      channelIds.push((await chat.users.alice.group(['bob'], `room ${i}`)).id);
    const token = await chat.token('bob');
    for (const [i, id] of channelIds.entries()) {
      for (let copy = 0; copy < 2; copy++) await sockets.connect(nodes[i % 2].url, `/ws/chat/${id}`, token);
    }

    const held = await shardChannels();
    const perChannel = await Promise.all(channelIds.map((id) => subscribersOf(`${PREFIX}#/ws/chat/${id}#`)));
    const numpat = Number(await redis.call('PUBSUB', 'NUMPAT'));
    sockets.closeAll();
    const left = await eventually(shardChannels, (c) => c.length === baseline.length, 'shard channels');

    console.log(
      `      ${channelIds.length * 2} sockets on ${channelIds.length} channels over 2 nodes: ` +
        `SHARDCHANNELS ${baseline.length} idle → ${held.length} → ${left.length}; ` +
        `SHARDNUMSUB per channel namespace ${Math.min(...perChannel)}..${Math.max(...perChannel)}; NUMPAT ${numpat} (whole Redis)`,
    );
    // 2 per chat namespace (broadcast + responses), on the node that holds its sockets only.
    assert.equal(held.length - baseline.length, 2 * channelIds.length);
    assert.deepEqual(
      perChannel,
      channelIds.map(() => 1),
    );
    assert.deepEqual(left, baseline);
  });

  it('keep a namespace open for a participant whose handshake is running when an outsider is refused', async () => {
    const chat = await groupChannel(nodes[0], ['alice', 'bob']);
    const ns = `/ws/chat/${chat.channelId}`;
    const [bobToken, malloryToken] = await Promise.all([chat.token('bob'), chat.token('mallory')]);

    const bob = sockets.track(TestSocket.open(nodes[1].url, ns, bobToken));
    const mallory = sockets.track(TestSocket.open(nodes[1].url, ns, malloryToken));
    const [refusal] = await Promise.all([mallory.refusal(), bob.connected()]);
    const sent = await chat.users.alice.send(chat.channelId, 'still subscribed?');

    assert.equal(refusal.message, 'channel_not_found');
    assert.deepEqual(await bob.next<MessageView>('chat.message'), sent);
  });
});
