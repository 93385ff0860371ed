import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { ChannelAccessCache } from '../../src/adapters/realtime/channel-access-cache';
import { ChannelAccessRevocations } from '../../src/adapters/realtime/channel-access-revocations';
import { RedisSocketEmitter } from '../../src/adapters/realtime/redis-socket-emitter';
import { ShardedChannels } from '../../src/adapters/realtime/sharded-channels';
import { SocketIoEventPublisher } from '../../src/adapters/realtime/socket-io-event-publisher';
import type { MessageView } from '../../src/application/views/message.view';
import type { TestApi } from '../support/test-api';
import { REDIS_URL, testConfig } from '../support/test-env';
import { groupChannel, startNodes, stopNodes } from './support/cluster';
import {
  restSendReachesOnlyItsChannel,
  socketSendReachesTheOtherNodeOnce,
} from './support/fan-out-scenarios';
import { Sockets } from './support/test-socket';

describe('Channel events across API nodes', () => {
  let nodeA: TestApi;
  let nodeB: TestApi;
  const sockets = new Sockets();

  before(async () => {
    [nodeA, nodeB] = await startNodes(2);
  });
  afterEach(() => sockets.closeAll());
  after(() => stopNodes([nodeA, nodeB]));

  it('delivers a message sent over REST on node A to every participant socket on node B, and to no one else', async () => {
    await restSendReachesOnlyItsChannel(nodeA, nodeB, sockets);
  });

  it('acks a chat.message sent on a socket with the stored message and delivers it once to the other node', async () => {
    await socketSendReachesTheOtherNodeOnce(nodeA, nodeB, sockets);
  });

  it('delivers to a client that spelled the namespace with a trailing slash', async () => {
    const chat = await groupChannel(nodeA, ['alice', 'bob']);
    const bob = await sockets.connect(nodeB.url, `/ws/chat/${chat.channelId}/`, await chat.token('bob'));

    const sent = await chat.users.alice.send(chat.channelId, 'slash');

    assert.deepEqual(await bob.next<MessageView>('chat.message'), sent);
  });

  it('delivers an event published outside the API nodes, as a worker publishes it', async () => {
    const chat = await groupChannel(nodeA, ['alice', 'bob']);
    const bob = await sockets.connect(nodeB.url, `/ws/chat/${chat.channelId}`, await chat.token('bob'));
    const sent = await chat.users.alice.send(chat.channelId, 'to be edited');
    await bob.next('chat.message');
    const redis = new Redis(REDIS_URL);
    const emitter = new RedisSocketEmitter(redis, new ShardedChannels(testConfig().REDIS_KEY_PREFIX));
    const updated = { ...sent, content: 'edited by a worker', edited_at: new Date().toISOString() };

    const revocations = new ChannelAccessRevocations(
      redis,
      testConfig().REDIS_KEY_PREFIX,
      new ChannelAccessCache(),
    );

    await new SocketIoEventPublisher(emitter, chat.tenant, revocations).publish({
      type: 'message.updated',
      channel_id: chat.channelId,
      payload: updated,
    });

    assert.deepEqual(await bob.next('message.updated'), updated);
    await redis.quit();
  });
});
