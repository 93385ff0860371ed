import assert from 'node:assert/strict';
import type { Cluster } from 'ioredis';
import { scanKeys } from '../../src/adapters/redis/tenant-redis-keys';
import { groupChannel } from '../realtime/support/cluster';
import { Sockets } from '../realtime/support/test-socket';
import { ChatClient } from '../support/chat-client';
import type { TestApi } from '../support/test-api';
import { RUN_DB_PREFIX, TEST_ADMIN_TOKEN, uniqueSlug } from '../support/test-env';
import {
  RUN_KEY_PREFIX,
  clusterClient,
  drained,
  keysPerMaster,
  startClusterNodes,
  stopClusterNodes,
} from './support/cluster-env';

/** Sends `count` requests one after the other, alternating nodes, and returns their statuses. */
async function statuses(clients: ChatClient[], count: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push((await clients[i % clients.length].get('channels/')).status);
  return out;
}

describe('On a Redis Cluster: request budgets shared by two API nodes', () => {
  let nodes: TestApi[];

  before(async () => {
    nodes = await startClusterNodes(2, {
      RATE_LIMIT_USER_PER_MINUTE: '4',
      RATE_LIMIT_TENANT_PER_MINUTE: '10',
    });
  });
  after(() => stopClusterNodes(nodes));

  /** Each user's REST clients on node A and node B. */
  const usersOnBoth = async (...users: string[]) => {
    const tenant = await nodes[0].createTenant(uniqueSlug('limits'));
    return Promise.all(
      users.map((user) => Promise.all(nodes.map((node) => ChatClient.as(node, tenant, user)))),
    );
  };

  it("answers 429 rate_limited once a user's requests over both nodes together spend the user budget", async () => {
    const [alice] = await usersOnBoth('alice');

    const served = await statuses(alice, 4);
    const refused = await Promise.all(alice.map((client) => client.get('channels/')));

    assert.deepEqual(served, [200, 200, 200, 200]);
    for (const res of refused) {
      assert.equal(res.status, 429);
      assert.deepEqual([res.body.error.code, res.body.error.details.scope], ['rate_limited', 'user']);
    }
  });

  it("answers 429 with scope tenant once the tenant's users, over both nodes, spend its budget", async () => {
    const users = await usersOnBoth('alice', 'bob', 'carol');

    const served = [];
    for (const [i, clients] of users.entries()) served.push(...(await statuses(clients, i === 0 ? 4 : 3)));
    const refused = await users[1][1].get('channels/');

    assert.deepEqual(served, Array(10).fill(200));
    assert.deepEqual([refused.status, refused.body.error.details.scope], [429, 'tenant']);
  });
});

/** Tenants of the spread test: 2 tags each, so a master gets none of 20 tags with p = 3 × (2/3)^20 < 0.1%. */
const TENANTS = 10;

describe('On a Redis Cluster: tenant keys', () => {
  let nodes: TestApi[];
  let redis: Cluster;
  const sockets = new Sockets();

  before(async () => {
    nodes = await startClusterNodes(2, { WORKERS_INLINE: 'true' });
    redis = await clusterClient();
  });
  afterEach(() => sockets.closeAll());
  after(async () => {
    redis.disconnect();
    await stopClusterNodes(nodes);
  });

  const admin = (method: 'get' | 'delete', path: string) =>
    nodes[1].http[method](`/api/admin/tenants${path}`).set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}`);

  /** Every key of the run on any master whose name holds the tenant's slug or database name. */
  async function keysOf(slug: string, database: string): Promise<string[]> {
    const found: string[] = [];
    for await (const keys of scanKeys(redis, `${RUN_KEY_PREFIX}*`)) {
      found.push(...keys.filter((key) => key.includes(slug) || key.includes(database)));
    }
    return found.sort();
  }

  it('deleting a tenant leaves no key of it on any master', async () => {
    const chat = await groupChannel(nodes[0], ['alice', 'bob', 'carol']);
    await chat.users.alice.patch(`channels/${chat.channelId}/`, { slow_mode_seconds: 30 });
    const socket = await sockets.connect(nodes[0].url, `/ws/chat/${chat.channelId}`, await chat.token('bob'));
    await socket.request('typing', { is_typing: true });
    await chat.users.bob.send(chat.channelId, 'hello');
    await chat.users.alice.send(chat.channelId, 'hello back');
    // Settled first (its jobs done, their keys kept as completed), so no job still writes meanwhile.
    await drained(redis, RUN_KEY_PREFIX);
    const database = (await admin('get', '')).body.results.find(
      (t: { slug: string }) => t.slug === chat.tenant,
    ).database_name as string;
    const before = await keysOf(chat.tenant, database);

    const res = await admin('delete', `/${chat.tenant}`);

    assert.equal(res.status, 200, JSON.stringify(res.body));
    await socket.disconnection();
    for (const family of [
      `:{${database}}:seq:`,
      `:{t:${chat.tenant}}:rt:`,
      `:{t:${chat.tenant}}:unread:`,
      `:{t:${chat.tenant}}:slow:`,
      `:t:${chat.tenant}:notified:`,
      `:rate:user:${chat.tenant}:`,
      `:{bull:unread-counts}:unread-counts:${chat.tenant}.`,
    ])
      assert.ok(
        before.some((key) => key.includes(family)),
        `the tenant had a key of ${family} before: ${before}`,
      );
    assert.deepEqual(await keysOf(chat.tenant, database), []);
  });

  it('spreads the keys of tenants over the three masters', async () => {
    await Promise.all(
      Array.from({ length: TENANTS }, async (_, i) => {
        const chat = await groupChannel(nodes[i % 2], ['alice', 'bob']);
        await chat.users.alice.send(chat.channelId, 'hello');
      }),
    );
    await drained(redis, RUN_KEY_PREFIX);

    const all = await keysPerMaster(redis, `${RUN_KEY_PREFIX}*`);
    const tenantTagged = new Map<string, number>();
    for (const tag of ['{t:*', `{${RUN_DB_PREFIX}*`]) {
      for (const [master, n] of await keysPerMaster(redis, `${RUN_KEY_PREFIX}:${tag}`))
        tenantTagged.set(master, (tenantTagged.get(master) ?? 0) + n);
    }

    console.log(
      `      keys per master: ${JSON.stringify(Object.fromEntries(all))}, of them under a tenant's tag: ${JSON.stringify(Object.fromEntries(tenantTagged))}`,
    );
    assert.equal(all.size, 3);
    for (const counts of [all, tenantTagged])
      for (const [master, n] of counts)
        assert.ok(n > 0, `no key on ${master}: ${JSON.stringify([...counts])}`);
  });
});
