import assert from 'node:assert/strict';
import type { TestApi } from '../support/test-api';
import { TcpProxy } from '../support/tcp-proxy';
import { groupChannel, startNodes, stopNodes, type ChannelScenario } from './support/cluster';
import { Sockets, type TestSocket } from './support/test-socket';

type Ack = { ok: boolean; error?: { code: string } };

/*
 * The same cause gives the same code on both edges: with MongoDB or Redis cut (through a TCP proxy),
 * a socket command's ack says `service_unavailable`, as the REST call answers 503 with it.
 */
describe('Socket acks while a backing service is down', () => {
  let api: TestApi;
  let mongo: TcpProxy;
  let redis: TcpProxy;
  let chat: ChannelScenario;
  let bob: TestSocket;
  let lastId: number;
  let cutProxy: TcpProxy | undefined;
  const sockets = new Sockets();

  before(async () => {
    mongo = new TcpProxy(await TcpProxy.reservePort(), { host: '127.0.0.1', port: 27017 });
    redis = new TcpProxy(await TcpProxy.reservePort(), { host: '127.0.0.1', port: 6379 });
    await Promise.all([mongo.up(), redis.up()]);
    [api] = await startNodes(1, {
      MONGO_URL: `mongodb://127.0.0.1:${mongo.port}`,
      REDIS_URL: `redis://127.0.0.1:${redis.port}`,
      DEPENDENCY_TIMEOUT_MS: '500',
    });
    chat = await groupChannel(api, ['alice', 'bob']);
    lastId = (await chat.users.alice.send(chat.channelId, 'before the outage')).id;
  });
  beforeEach(async () => {
    bob = await sockets.connect(api.url, `/ws/chat/${chat.channelId}`, await chat.token('bob'));
  });
  afterEach(async () => {
    await cutProxy?.up();
    cutProxy = undefined;
    await readyAgain(api);
    sockets.closeAll();
  });
  after(async () => {
    await stopNodes([api]);
    await Promise.all([mongo.down(), redis.down()]);
  });

  /** What REST and the socket answer for a send and a mark-read while the service is down. */
  async function codesDuring(proxy: TcpProxy) {
    cutProxy = proxy;
    await proxy.down();
    const rest = await Promise.all([
      chat.users.bob.post(`channels/${chat.channelId}/send_message/`, { content: 'during' }),
      chat.users.bob.post(`channels/${chat.channelId}/mark_read/`, { message_id: lastId }),
    ]);
    const acks = [
      await bob.request<Ack>('chat.message', { content: 'during' }),
      await bob.request<Ack>('message.read', { message_id: lastId }),
    ];
    return {
      rest: rest.map((res) => [res.status, res.body.error?.code]),
      acks: acks.map((ack) => [ack.ok, ack.error?.code]),
    };
  }

  for (const [service, proxy] of [
    ['MongoDB', () => mongo],
    ['Redis', () => redis],
  ] as const) {
    it(`says service_unavailable for chat.message and message.read, as REST does, while ${service} is down`, async () => {
      const { rest, acks } = await codesDuring(proxy());

      assert.deepEqual(rest, [
        [503, 'service_unavailable'],
        [503, 'service_unavailable'],
      ]);
      assert.deepEqual(acks, [
        [false, 'service_unavailable'],
        [false, 'service_unavailable'],
      ]);
    });
  }
});

async function readyAgain(api: TestApi): Promise<void> {
  for (let attempt = 0; attempt < 80; attempt++) {
    if ((await api.http.get('/ready')).status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the node did not become ready again');
}
