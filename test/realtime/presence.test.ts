import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { PresenceKeys } from '../../src/adapters/presence/presence-keys';
import type { TestApi } from '../support/test-api';
import { REDIS_URL, testConfig } from '../support/test-env';
import { groupChannel, startNodes, stopNodes, type ChannelScenario } from './support/cluster';
import { eventually } from './support/eventually';
import { Sockets } from './support/test-socket';

interface PresenceUpdate {
  user_id: string;
  status: string;
  last_seen_at: string | null;
}

describe('Presence across API nodes', () => {
  let nodes: TestApi[];
  let redis: Redis;
  const keys = new PresenceKeys(testConfig().REDIS_KEY_PREFIX);
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

  const connectionsOf = (tenant: string, user: string) => async () =>
    Number((await redis.hget(keys.online(tenant), user)) ?? 0);
  const presenceOf = async (chat: ChannelScenario, user: string, node: TestApi) =>
    sockets.connect(node.url, '/ws/presence', await chat.token(user));

  it('keeps a user online while one of their connections on any node lives, and sends offline once with last_seen_at', async () => {
    const chat = await groupChannel(nodes[0], ['olga', 'bob']);
    const olga = await presenceOf(chat, 'olga', nodes[0]);
    const onA = await presenceOf(chat, 'bob', nodes[0]);
    const onB = await presenceOf(chat, 'bob', nodes[1]);
    await olga.next<PresenceUpdate>('presence.update', (p) => p.user_id === 'bob');
    // A socket is counted just after its handshake: both of bob's count before one closes.
    await eventually(connectionsOf(chat.tenant, 'bob'), (n) => n === 2, 'bob connections');

    onA.close();
    await eventually(connectionsOf(chat.tenant, 'bob'), (n) => n === 1, 'bob connections');
    const { ok, users } = await olga.request<{
      ok: boolean;
      users: Array<{ user_id: string; status: string }>;
    }>('online.users');
    onB.close();
    const offline = await olga.next<PresenceUpdate>(
      'presence.update',
      (p) => p.user_id === 'bob' && p.status === 'offline',
    );

    assert.equal(ok, true);
    assert.deepEqual(users, [
      { user_id: 'bob', status: 'online' },
      { user_id: 'olga', status: 'online' },
    ]);
    assert.deepEqual(
      olga.all<PresenceUpdate>('presence.update', (p) => p.user_id === 'bob').map((p) => p.status),
      ['online', 'offline'],
    );
    assert.ok(offline.last_seen_at && Date.now() - Date.parse(offline.last_seen_at) < 10_000);
  });

  it('sends online.users on connect, with the connecting user in it', async () => {
    const chat = await groupChannel(nodes[0], ['olga', 'bob']);
    await presenceOf(chat, 'bob', nodes[1]);

    const olga = await presenceOf(chat, 'olga', nodes[0]);

    const { users } = await olga.next<{ users: Array<{ user_id: string }> }>('online.users');
    assert.deepEqual(
      users.map((u) => u.user_id),
      ['bob', 'olga'],
    );
  });

  it('announces a status.update to the tenant and lists the status in online.users', async () => {
    const chat = await groupChannel(nodes[0], ['olga', 'bob']);
    const olga = await presenceOf(chat, 'olga', nodes[0]);
    const bob = await presenceOf(chat, 'bob', nodes[1]);

    const ack = await bob.request('status.update', { status: 'away' });

    assert.deepEqual(ack, { ok: true, status: 'away' });
    const update = await olga.next<PresenceUpdate>('presence.update', (p) => p.status === 'away');
    assert.deepEqual(update, { user_id: 'bob', status: 'away', last_seen_at: null });
    const { users } = await olga.request<{ users: unknown[] }>('online.users');
    assert.deepEqual(users, [
      { user_id: 'bob', status: 'away' },
      { user_id: 'olga', status: 'online' },
    ]);
  });

  it('answers an unknown status with a validation_error ack and keeps the socket', async () => {
    const chat = await groupChannel(nodes[0], ['olga']);
    const olga = await presenceOf(chat, 'olga', nodes[0]);

    const ack = await olga.request<{ ok: boolean; error: { code: string } }>('status.update', {
      status: 'invisible',
    });

    assert.equal(ack.ok, false);
    assert.equal(ack.error.code, 'validation_error');
    assert.equal((await olga.request<{ ok: boolean }>('online.users')).ok, true);
  });

  describe('in a channel', () => {
    it('sends user.join on a participant’s first connection and user.leave on their last, across nodes', async () => {
      const chat = await groupChannel(nodes[0], ['olga', 'bob']);
      const ns = `/ws/chat/${chat.channelId}`;
      const olga = await sockets.connect(nodes[0].url, ns, await chat.token('olga'));
      const bobA = await sockets.connect(nodes[0].url, ns, await chat.token('bob'));
      const bobB = await sockets.connect(nodes[1].url, ns, await chat.token('bob'));
      const inChannel = async () =>
        Number((await redis.hget(keys.channel(chat.tenant, chat.channelId), 'bob')) ?? 0);
      await eventually(inChannel, (n) => n === 2, 'bob in channel');

      bobA.close();
      await eventually(inChannel, (n) => n === 1, 'bob in channel');
      bobB.close();
      await olga.next('user.leave', (p) => p.user_id === 'bob');

      const bobEvents = olga.received.filter((e) => (e.payload as { user_id?: string }).user_id === 'bob');
      assert.deepEqual(
        bobEvents.map((e) => e.name),
        ['user.join', 'user.leave'],
      );
      assert.deepEqual(bobEvents[0].payload, { channel_id: chat.channelId, user_id: 'bob' });
    });
  });
});
