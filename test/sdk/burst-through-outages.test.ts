import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import type { ChatClient, Message } from '../../sdk/src';
import { eventually } from '../realtime/support/eventually';
import { pendingJobs } from '../support/pending-jobs';
import { startTestApi, type TestApi } from '../support/test-api';
import { REDIS_URL, testEnv } from '../support/test-env';
import { Delivered } from './support/delivered';
import { SdkScene } from './support/sdk-scene';

/** Budgets raised so that the burst measures delivery, not the rate limits (tested elsewhere). */
const BURST_ENV = {
  WORKERS_INLINE: 'true',
  SOCKET_EVENTS_PER_SECOND: '1000',
  SOCKET_EVENTS_BURST: '1000',
  RATE_LIMIT_USER_PER_MINUTE: '100000',
  RATE_LIMIT_TENANT_PER_MINUTE: '100000',
};
const WATCHERS = ['ann', 'ben', 'cat', 'dan'];
const SDK_SENDERS = ['ann', 'ben', 'cat'];
/** 3 SDK senders × 3 channels × 40 = 360 through the proxy, and 5 outages × 28 = 140 over REST meanwhile. */
const SENDS_PER_SENDER_AND_CHANNEL = 40;
const OUTAGES_AFTER = [50, 100, 150, 200, 250];
const SENT_DURING_OUTAGE = 28;

describe('SDK: a burst of 500 messages into 3 channels while the connection drops 5 times', function () {
  this.timeout(240_000);
  let api: TestApi;
  let scene: SdkScene;

  before(async () => {
    api = await startTestApi(BURST_ENV);
  });
  after(async () => {
    await scene?.close();
    await api.stop();
  });

  it('delivers every message to every client exactly once, in seq order, and its unread counts equal the server’s', async () => {
    scene = await SdkScene.create(api, [...WATCHERS, 'eve']);
    const channelIds: string[] = [];
    for (let c = 0; c < 3; c++)
      channelIds.push(await scene.group(['ann', 'ben', 'cat', 'dan', 'eve'], `c${c}`));
    const proxy = await scene.proxy();
    const clients: Record<string, ChatClient> = {};
    const delivered: Record<string, Delivered[]> = {};
    for (const user of WATCHERS) {
      clients[user] = scene.client(user, proxy);
      delivered[user] = channelIds.map((id) => new Delivered(clients[user].watch(id, { from: 'beginning' })));
    }
    await Promise.all(
      WATCHERS.flatMap((user) => [
        ...delivered[user].map((d) => d.channel.once('synced')),
        clients[user].inbox.once('synced'),
      ]),
    );
    const expected = channelIds.map(() => [] as string[]);

    const sends: Promise<Message>[] = [];
    for (let i = 0; i < SENDS_PER_SENDER_AND_CHANNEL; i++) {
      for (const sender of SDK_SENDERS) {
        for (let c = 0; c < 3; c++) {
          const content = `${sender}-${c}-${i}`;
          expected[c].push(content);
          sends.push(clients[sender].watch(channelIds[c]).send(content));
        }
      }
    }
    let eveSent = 0;
    const sendsWaitingAtOutages: number[] = [];
    for (const threshold of OUTAGES_AFTER) {
      await Promise.all(delivered.dan.map((d, c) => d.until(Math.min(threshold / 3, expected[c].length))));
      const disconnected = WATCHERS.map((user) => clients[user].inbox.once('disconnected'));
      sendsWaitingAtOutages.push(
        SDK_SENDERS.reduce(
          (n, u) => n + channelIds.reduce((m, id) => m + clients[u].watch(id).pending, 0),
          0,
        ),
      );
      await proxy.down();
      await Promise.all(disconnected);
      for (let n = 0; n < SENT_DURING_OUTAGE; n++, eveSent++) {
        const c = eveSent % 3;
        const content = `eve-${c}-${eveSent}`;
        expected[c].push(content);
        await scene.users.eve.send(channelIds[c], content);
      }
      await proxy.up();
    }
    const stored = await Promise.all(sends);
    for (const user of WATCHERS)
      await Promise.all(delivered[user].map((d, c) => d.until(expected[c].length)));

    const histories = await Promise.all(channelIds.map((id) => scene.users.eve.history(id)));
    for (let c = 0; c < 3; c++) {
      assert.deepEqual(
        histories[c].map((m) => m.content).sort(),
        [...expected[c]].sort(),
        `channel ${c} stores each message once`,
      );
      for (const user of WATCHERS) {
        const seen = delivered[user][c].messages;
        assert.deepEqual(
          seen.map((m) => m.seq),
          histories[c].map((_, i) => i + 1),
          `${user} sees channel ${c} in seq order, each once`,
        );
        assert.deepEqual(
          seen.map((m) => m.id),
          histories[c].map((m) => m.id),
        );
      }
    }
    assert.equal(new Set(stored.map((m) => m.id)).size, sends.length);
    assert.ok(sendsWaitingAtOutages[0] > 0, `sends were cut by the outages: ${sendsWaitingAtOutages}`);
    await unreadCountsAgree(clients, channelIds, scene);
  });
});

/** Once the queues have drained, each client's inbox holds the server's unread counts. */
async function unreadCountsAgree(clients: Record<string, ChatClient>, channelIds: string[], scene: SdkScene) {
  const redis = new Redis(REDIS_URL);
  try {
    await eventually(
      () => pendingJobs(redis, testEnv().REDIS_KEY_PREFIX),
      (n) => n === 0,
      'pending jobs',
    );
  } finally {
    redis.disconnect();
  }
  for (const [user, client] of Object.entries(clients)) {
    const server = async () => {
      const res = await scene.users[user].get('centralized/');
      const conversations = res.body.conversations as { id: string; unread_count: number }[];
      const counts = Object.fromEntries(
        channelIds.map((id) => [id, conversations.find((c) => c.id === id)?.unread_count]),
      );
      return { counts, total: res.body.totals.unread_messages as number };
    };
    const local = () => ({
      counts: Object.fromEntries(channelIds.map((id) => [id, client.inbox.unreadCount(id)])),
      total: client.inbox.totalUnread,
    });
    await eventually(
      async () => ({ server: await server(), local: local() }),
      ({ server, local }) => JSON.stringify(server) === JSON.stringify(local),
      `${user}'s unread counts`,
    );
  }
}
