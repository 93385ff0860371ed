import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import type { BullMqQueues } from '../../src/adapters/queue/bullmq-queues';
import type { RedisConnections } from '../../src/adapters/redis/redis-connections';
import { scanKeys, tenantKeyPatterns } from '../../src/adapters/redis/tenant-redis-keys';
import type { TenantDirectory } from '../../src/application/ports/tenant-directory.port';
import type { TenantStatusChanges, TenantTeardown } from '../../src/application/ports/tenant-lifecycle.port';
import { TOKENS } from '../../src/main/tokens';
import { TestSocket } from '../realtime/support/test-socket';
import { ChatClient } from '../support/chat-client';
import { startTestApi, type TestApi } from '../support/test-api';
import { MONGO_URL, RUN_DB_PREFIX, TEST_ADMIN_TOKEN, testEnv, uniqueSlug } from '../support/test-env';
import { userToken } from '../support/tokens';

/*
 * A tenant's life through the admin API, on two API nodes (workers inline on the first): suspended,
 * nothing of it is served anywhere and its jobs wait; active again, all of it is; deleted, nothing of
 * it is left (database, Redis keys, jobs, registry), and an interrupted deletion finishes when run again.
 */
describe('Tenant lifecycle: suspend, reactivate, delete', function () {
  // A deletion drops the tenant's database, which FerretDB does table by table: slow under load.
  this.timeout(180_000);
  let a: TestApi;
  let b: TestApi;
  const prefix = testEnv().REDIS_KEY_PREFIX;

  before(async () => {
    a = await startTestApi({ WORKERS_INLINE: 'true' });
    b = await startTestApi();
  });
  after(async () => {
    await b?.stop();
    await a?.stop();
  });

  const admin = (method: 'patch' | 'delete' | 'get', path: string) =>
    a.http[method](`/api/admin/tenants${path}`).set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}`);

  /** A tenant with a group of alice and bob, one message, and bob connected to it on node b. */
  async function liveTenant() {
    const slug = await a.createTenant(uniqueSlug('life'));
    const alice = await ChatClient.as(a, slug, 'alice');
    const bob = await ChatClient.as(b, slug, 'bob');
    const channel = await alice.group(['bob']);
    const message = await alice.send(channel.id, 'hello');
    const socket = await TestSocket.connect(b.url, `/ws/chat/${channel.id}`, await userToken(slug, 'bob'));
    return { slug, alice, bob, channel, message, socket };
  }

  async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check().catch(() => false))) {
      if (Date.now() > deadline) assert.fail(`not within ${timeoutMs} ms: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('suspended: REST 403 tenant_suspended and refused handshakes on every node, sockets closed, jobs held', async () => {
    const t = await liveTenant();
    // bob's pointer is past the message: a receipt job for it can complete once it runs.
    assert.equal((await t.bob.post(`channels/${t.channel.id}/mark_read/`, {})).status, 200);

    const res = await admin('patch', `/${t.slug}`).send({ status: 'suspended' });

    assert.deepEqual([res.status, res.body.status], [200, 'suspended']);
    await t.socket.disconnection();
    for (const client of [t.alice, t.bob]) {
      const refused = await client.request('get', 'channels/');
      assert.deepEqual([refused.status, refused.body.error.code], [403, 'tenant_suspended']);
    }
    const refusal = await TestSocket.open(b.url, '/ws/presence', await userToken(t.slug, 'bob')).refusal();
    assert.equal(refusal.message, 'tenant_suspended');

    // A job of the tenant waits, delayed, without spending an attempt...
    const receipts = a.node.container.get<BullMqQueues>(TOKENS.Queues).get('read-receipts');
    const job = await receipts.add(
      'read-receipts',
      {
        tenant: t.slug,
        channel_id: t.channel.id,
        user_id: 'bob',
        from_seq: 0,
        to_seq: t.message.seq,
        to_message_id: t.message.id,
        read_at: new Date().toISOString(),
      },
      { jobId: `held-${t.slug}` },
    );
    await eventually(async () => (await job.getState()) === 'delayed', 'the job is held');
    assert.equal((await receipts.getJob(job.id!))?.attemptsMade, 0);

    // ...until the tenant is active again: then everything is served, and the job runs.
    const reactivated = await admin('patch', `/${t.slug}`).send({ status: 'active' });
    assert.deepEqual([reactivated.status, reactivated.body.status], [200, 'active']);
    assert.equal((await t.bob.request('get', 'channels/')).status, 200);
    await TestSocket.connect(b.url, `/ws/chat/${t.channel.id}`, await userToken(t.slug, 'bob')).then((s) =>
      s.close(),
    );
    await eventually(async () => (await job.getState()) === 'completed', 'the held job ran');
  });

  it('refuses a status it does not know, and an unknown tenant', async () => {
    const slug = await a.createTenant(uniqueSlug('life'));

    const bad = await admin('patch', `/${slug}`).send({ status: 'paused' });
    const unknown = await admin('patch', `/${uniqueSlug('nobody')}`).send({ status: 'suspended' });

    assert.deepEqual([bad.status, bad.body.error.code], [400, 'validation_error']);
    assert.deepEqual([unknown.status, unknown.body.error.code], [404, 'tenant_not_found']);
  });

  it('deleted: nothing of it is served, and no database, Redis key, job or registry entry of it remains', async () => {
    const t = await liveTenant();
    const receipts = a.node.container.get<BullMqQueues>(TOKENS.Queues).get('read-receipts');
    await receipts.add('read-receipts', { tenant: t.slug, channel_id: t.channel.id }, { delay: 600_000 });
    const database = (await admin('get', '').then((r) => r.body.results)).find(
      (x: { slug: string }) => x.slug === t.slug,
    ).database_name as string;
    assert.ok((await tenantKeys(t.slug, database)).length > 0, 'the tenant has Redis keys before');

    const res = await admin('delete', `/${t.slug}`);

    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.ok(res.body.removed.jobs >= 1 && res.body.removed.redis_keys >= 1, JSON.stringify(res.body));
    await t.socket.disconnection();
    assert.deepEqual(await tenantKeys(t.slug, database), []);
    assert.equal(await jobsOf(t.slug), 0);
    // (A refused request still counts against its budget: that key lives a minute.)
    const refused = await t.bob.request('get', 'channels/');
    assert.deepEqual([refused.status, refused.body.error.code], [404, 'tenant_not_found']);
    assert.ok(!(await databases()).includes(database));
    const listed = (await admin('get', '')).body.results.map((x: { slug: string }) => x.slug);
    assert.ok(!listed.includes(t.slug));
    assert.deepEqual((await admin('delete', `/${t.slug}`)).status, 404);
  });

  it('finishes a deletion that was interrupted, which the registry shows as deleting', async () => {
    const t = await liveTenant();
    const container = a.node.container;
    const directory = container.get<TenantDirectory>(TOKENS.TenantDirectory);
    // The first steps of a deletion, then the process "dies": the database and the registry entry remain.
    await directory.setStatus(t.slug, 'deleting');
    await container.get<TenantStatusChanges>(TOKENS.TenantStatusChanges).announce(t.slug);
    await container.get<TenantTeardown>(TOKENS.TenantTeardown).removeJobs(t.slug);
    const listed = (await admin('get', '')).body.results.find((x: { slug: string }) => x.slug === t.slug);
    assert.equal(listed.status, 'deleting');
    assert.equal((await t.bob.request('get', 'channels/')).status, 404);

    const res = await admin('delete', `/${t.slug}`);

    assert.equal(res.status, 200);
    assert.ok(!(await databases()).includes(listed.database_name));
    assert.deepEqual(await tenantKeys(t.slug, listed.database_name), []);
    assert.equal((await admin('patch', `/${t.slug}`).send({ status: 'active' })).status, 404);
  });

  async function tenantKeys(slug: string, database_name: string): Promise<string[]> {
    const redis = a.node.container.get<RedisConnections>(TOKENS.Redis).command;
    const found: string[] = [];
    for (const match of tenantKeyPatterns(prefix, { slug, database_name })) {
      for await (const keys of scanKeys(redis, match)) found.push(...keys);
    }
    return found;
  }

  async function jobsOf(slug: string): Promise<number> {
    let count = 0;
    for (const queue of a.node.container.get<BullMqQueues>(TOKENS.Queues).all) {
      const jobs = await queue.getJobs([
        'waiting',
        'delayed',
        'paused',
        'prioritized',
        'failed',
        'completed',
      ]);
      count += jobs.filter((job) => job?.data?.tenant === slug).length;
    }
    return count;
  }

  async function databases(): Promise<string[]> {
    const connection = await mongoose.createConnection(MONGO_URL).asPromise();
    try {
      const { databases } = await connection.db!.admin().listDatabases({ nameOnly: true });
      return databases.map((d) => d.name).filter((name) => name.startsWith(RUN_DB_PREFIX));
    } finally {
      await connection.close();
    }
  }
});
