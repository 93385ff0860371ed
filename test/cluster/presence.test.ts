import assert from 'node:assert/strict';
import type { Cluster } from 'ioredis';
import { PresenceKeys } from '../../src/adapters/presence/presence-keys';
import type { RealtimeServer } from '../../src/adapters/realtime/realtime-server';
import type { Lifecycle } from '../../src/main/lifecycle';
import { TOKENS } from '../../src/main/tokens';
import { ProcessChild } from '../e2e/support/process-child';
import { groupChannel, type ChannelScenario } from '../realtime/support/cluster';
import { eventually } from '../realtime/support/eventually';
import { Sockets } from '../realtime/support/test-socket';
import { freePort } from '../support/free-port';
import type { TestApi } from '../support/test-api';
import { testEnv } from '../support/test-env';
import {
  RUN_KEY_PREFIX,
  clusterClient,
  clusterEnv,
  startClusterNodes,
  stopClusterNodes,
} from './support/cluster-env';

interface PresenceUpdate {
  user_id: string;
  status: string;
  last_seen_at: string | null;
}

const PRESENCE_TTL_MS = 3_000;

function nodeIdOf(api: TestApi): string {
  const parts = api.node.container.getAll<Lifecycle>(TOKENS.Lifecycle);
  return (parts.find((part) => part.name === 'realtime') as RealtimeServer).nodeId;
}

describe('On a Redis Cluster: presence across API nodes', () => {
  let nodes: TestApi[];
  let redis: Cluster;
  let doomed: ProcessChild | undefined;
  const keys = new PresenceKeys(RUN_KEY_PREFIX);
  const sockets = new Sockets();

  before(async () => {
    nodes = await startClusterNodes(2, { PRESENCE_TTL_MS: String(PRESENCE_TTL_MS) });
    redis = await clusterClient();
  });
  afterEach(() => sockets.closeAll());
  after(async () => {
    await doomed?.kill('SIGKILL');
    redis.disconnect();
    await stopClusterNodes(nodes);
  });

  const connectionsOf = (tenant: string, user: string) => async () =>
    Number((await redis.hget(keys.online(tenant), user)) ?? 0);
  const presenceOf = async (chat: ChannelScenario, user: string, url: string) =>
    sockets.connect(url, '/ws/presence', await chat.token(user));
  const onlineUsers = async (chat: ChannelScenario, user: string, url: string) => {
    const socket = await presenceOf(chat, user, url);
    const { users } = await socket.request<{ users: Array<{ user_id: string }> }>('online.users');
    return users.map((u) => u.user_id);
  };

  it('shows a user online on node B to a user on node A while any of their connections lives, and offline once', async () => {
    const chat = await groupChannel(nodes[0], ['olga', 'bob']);
    const olga = await presenceOf(chat, 'olga', nodes[0].url);
    const onA = await presenceOf(chat, 'bob', nodes[0].url);
    const onB = await presenceOf(chat, 'bob', nodes[1].url);
    await olga.next<PresenceUpdate>('presence.update', (p) => p.user_id === 'bob' && p.status === 'online');
    // A socket is counted just after its handshake: both of bob's count before one closes.
    await eventually(connectionsOf(chat.tenant, 'bob'), (n) => n === 2, 'bob connections');

    onA.close();
    await eventually(connectionsOf(chat.tenant, 'bob'), (n) => n === 1, 'bob connections');
    const listed = await onlineUsers(chat, 'olga', nodes[1].url);
    onB.close();
    const offline = await olga.next<PresenceUpdate>(
      'presence.update',
      (p) => p.user_id === 'bob' && p.status === 'offline',
    );

    assert.deepEqual(listed, ['bob', 'olga']);
    assert.deepEqual(
      olga.all<PresenceUpdate>('presence.update', (p) => p.user_id === 'bob').map((p) => p.status),
      ['online', 'offline'],
    );
    assert.ok(offline.last_seen_at && Date.now() - Date.parse(offline.last_seen_at) < 10_000);
    assert.deepEqual(await onlineUsers(chat, 'olga', nodes[1].url), ['olga']);
  });

  it('sends the users of a node killed without warning offline, and out of their channels, within the presence TTL', async function () {
    this.timeout(40_000);
    const port = await freePort();
    const env = clusterEnv({
      PORT: String(port),
      HOST: '127.0.0.1',
      PRESENCE_TTL_MS: String(PRESENCE_TTL_MS),
    });
    doomed = await ProcessChild.start(testEnv(env), 'api');
    const doomedUrl = `http://127.0.0.1:${port}`;
    const chat = await groupChannel(nodes[0], ['olga', 'bob']);
    const olga = await presenceOf(chat, 'olga', nodes[0].url);
    const olgaChat = await sockets.connect(
      nodes[1].url,
      `/ws/chat/${chat.channelId}`,
      await chat.token('olga'),
    );
    await presenceOf(chat, 'bob', doomedUrl);
    await sockets.connect(doomedUrl, `/ws/chat/${chat.channelId}`, await chat.token('bob'));
    await olga.next('presence.update', (p) => p.user_id === 'bob' && p.status === 'online');
    await olgaChat.next('user.join', (p) => p.user_id === 'bob');

    const killedAt = Date.now();
    assert.equal(await doomed.kill('SIGKILL'), null);

    const offline = await olga.next<PresenceUpdate>(
      'presence.update',
      (p) => p.user_id === 'bob' && p.status === 'offline',
    );
    const elapsed = Date.now() - killedAt;
    console.log(`      offline ${elapsed} ms after SIGKILL (PRESENCE_TTL_MS ${PRESENCE_TTL_MS})`);
    await olgaChat.next('user.leave', (p) => p.user_id === 'bob');
    assert.ok(elapsed <= PRESENCE_TTL_MS + 1_000, `offline ${elapsed} ms after SIGKILL`);
    assert.ok(Date.parse(offline.last_seen_at!) >= killedAt - 1_000);
    assert.deepEqual(await onlineUsers(chat, 'olga', nodes[1].url), ['olga']);
    assert.equal(await connectionsOf(chat.tenant, 'bob')(), 0);
    const registered = (await redis.smembers(keys.nodes)).sort();
    assert.deepEqual(registered, nodes.map(nodeIdOf).sort(), 'only the live nodes stay registered');
  });
});
