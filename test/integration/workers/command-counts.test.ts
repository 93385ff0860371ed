import assert from 'node:assert/strict';
import { CommandCounter, QUIET_ENV } from '../../support/command-counter';
import { startTestApi, type TestApi } from '../../support/test-api';
import { uniqueSlug } from '../../support/test-env';
import { userToken } from '../../support/tokens';
import { deleteRedisKeys, drained, WorkerHarness, workerTestEnv } from './support/worker-harness';

interface Costs {
  apiMongo: number;
  apiRedis: number;
  workerMongo: number;
}

/**
 * Commands per operation, counted with the MongoDB driver's command monitoring and on the Redis wire,
 * in an API process and a worker process apart (the compose shape). What must hold whatever the
 * channel's size: the counts of the budget, and the same counts for 5 and for 50 members.
 */
describe('Commands per send and per mark_read', function () {
  this.timeout(120_000);
  let env: Record<string, string>;
  const apiCounter = new CommandCounter('api');
  const workerCounter = new CommandCounter('worker');
  let api: TestApi;
  let workers: WorkerHarness;
  let tenant: string;
  const tokens = new Map<string, string>();

  before(async () => {
    env = workerTestEnv({ ...QUIET_ENV, WORKERS_INLINE: 'false' });
    api = await startTestApi(env, [apiCounter.module()]);
    workers = await WorkerHarness.start(env, { extra: [workerCounter.module()] });
    tenant = await api.createTenant(uniqueSlug('counts'));
    // The worker's first outbox sweep opens every tenant of the run's registry (provisioning,
    // migrations): other files' tenants, whose commands are not a send's. Let it finish first.
    await CommandCounter.settled([workerCounter], { quietMs: 1_000 });
  });

  after(async () => {
    await api.stop();
    await workers.stop();
    await deleteRedisKeys(env.REDIS_KEY_PREFIX);
  });

  async function token(user: string): Promise<string> {
    if (!tokens.has(user)) tokens.set(user, await userToken(tenant, user));
    return tokens.get(user)!;
  }

  async function channelOf(members: number): Promise<string> {
    const others = Array.from({ length: members - 1 }, (_, i) => `member-${members}-${i}`);
    const created = await api.http
      .post(`/api/chat/${tenant}/channels/`)
      .set('Authorization', `Bearer ${await token('owner')}`)
      .send({ channel_type: 'group', name: `${members} members`, participant_ids: others });
    assert.equal(created.status, 201);
    return created.body.id;
  }

  /**
   * Counts what `operation` costs in each process, once every queue is idle. (The drain check polls
   * Redis through the worker's own queues, so only the worker's MongoDB commands are read.)
   */
  async function costOf(operation: () => Promise<void>): Promise<Costs> {
    await drained(workers.queues);
    apiCounter.reset();
    workerCounter.reset();
    await operation();
    const { mongo, redis } = apiCounter.snapshot();
    await drained(workers.queues);
    if (process.env.SHOW_COUNTS)
      console.log(`api: ${mongo} | ${redis}\nworker: ${workerCounter.snapshot().mongo}`);
    return {
      apiMongo: mongo.total,
      apiRedis: redis.total,
      workerMongo: workerCounter.snapshot().mongo.total,
    };
  }

  async function send(channelId: string, user: string, content: string): Promise<void> {
    const sent = await api.http
      .post(`/api/chat/${tenant}/channels/${channelId}/send_message/`)
      .set('Authorization', `Bearer ${await token(user)}`)
      .send({ content });
    assert.equal(sent.status, 201);
  }

  async function sendCost(members: number): Promise<Costs> {
    const channelId = await channelOf(members);
    await send(channelId, 'owner', 'warm-up'); // the first send seeds the channel's counter in Redis
    await send(channelId, `member-${members}-0`, 'skipped over by the next send');
    return costOf(() => send(channelId, 'owner', 'counted'));
  }

  it('costs a send at most 4 MongoDB and 8 Redis commands in the API, 6 MongoDB in the workers, for 5 or 50 members', async () => {
    const five = await sendCost(5);
    const fifty = await sendCost(50);

    assert.deepEqual(fifty, five, 'the same work whatever the channel size');
    assert.ok(five.apiMongo <= 4, `API MongoDB commands: ${five.apiMongo}`);
    assert.ok(five.apiRedis <= 8, `API Redis commands: ${five.apiRedis}`);
    assert.ok(five.workerMongo <= 6, `worker MongoDB commands: ${five.workerMongo}`);
  });

  it('costs a send into a moderated channel the same, one Redis command more with slow mode on', async () => {
    const plain = await sendCost(5);
    const channelId = await channelOf(5);
    const owner = `Bearer ${await token('owner')}`;
    const moderate = (path: string, body: object, method: 'post' | 'patch' = 'post') =>
      api.http[method](`/api/chat/${tenant}/channels/${channelId}/${path}`)
        .set('Authorization', owner)
        .send(body);
    assert.equal((await moderate('mutes/', { user_id: 'member-5-1' })).status, 201);
    assert.equal((await moderate('bans/', { user_id: 'someone-else' })).status, 201);
    await send(channelId, 'owner', 'warm-up');
    await send(channelId, 'member-5-0', 'warm-up'); // a sender's first request stores their profile
    await send(channelId, 'member-5-2', 'warm-up');
    const moderated = await costOf(() => send(channelId, 'member-5-2', 'counted'));
    assert.equal((await moderate('', { slow_mode_seconds: 60 }, 'patch')).status, 200);
    await send(channelId, 'member-5-3', 'warm-up');

    const slowed = await costOf(() => send(channelId, 'member-5-0', 'counted'));

    // The API's work (the workers' depends on whose messages a send skips: receipts).
    const inApi = ({ apiMongo, apiRedis }: Costs) => ({ apiMongo, apiRedis });
    assert.deepEqual(
      inApi(moderated),
      inApi(plain),
      'bans and mutes are read with the members: no command per send',
    );
    assert.deepEqual(
      inApi(slowed),
      { ...inApi(plain), apiRedis: plain.apiRedis + 1 },
      'slow mode: one script call',
    );
  });

  it('refuses a muted member’s send without a MongoDB command', async () => {
    const channelId = await channelOf(5);
    await api.http
      .post(`/api/chat/${tenant}/channels/${channelId}/mutes/`)
      .set('Authorization', `Bearer ${await token('owner')}`)
      .send({ user_id: 'member-5-1' });
    await send(channelId, 'owner', 'warm-up');
    // The member's first request stores their profile (once per node): not part of a send.
    await api.http
      .get(`/api/chat/${tenant}/channels/${channelId}/`)
      .set('Authorization', `Bearer ${await token('member-5-1')}`);

    const cost = await costOf(async () => {
      const refused = await api.http
        .post(`/api/chat/${tenant}/channels/${channelId}/send_message/`)
        .set('Authorization', `Bearer ${await token('member-5-1')}`)
        .send({ content: 'muted' });
      assert.equal(refused.status, 403);
    });

    assert.deepEqual(cost, { apiMongo: 0, apiRedis: 2, workerMongo: 0 });
  });

  it('stores a burst of sends into one channel in a few turns, and completes their follow-ups in a few batches', async () => {
    const channelId = await channelOf(32);
    const senders = ['owner', ...Array.from({ length: 31 }, (_, i) => `member-32-${i}`)];
    // Each sender's first request stores their profile: warm-up, not part of the burst.
    await Promise.all(senders.map((user) => send(channelId, user, 'warm-up')));

    await costOf(() =>
      Promise.all(senders.map((user) => send(channelId, user, 'burst'))).then(() => undefined),
    );

    const api = apiCounter.snapshot().mongo;
    const worker = workerCounter.snapshot().mongo;
    assert.ok(api.get('insert messages') <= 8, `32 sends took ${api.get('insert messages')} inserts`);
    assert.ok(api.get('update channels') <= 8, `32 sends took ${api.get('update channels')} channel writes`);
    const rowReads = worker.get('find user_channel_states');
    // Besides the batches' reads of the channel's rows, each receipt job reads its user's row.
    assert.ok(rowReads - 32 <= 16, `32 follow-ups read the channel's rows ${rowReads - 32} times`);
  });

  it('costs a mark_read at most 3 MongoDB commands in the API and 2 in the worker', async () => {
    const channelId = await channelOf(5);
    await send(channelId, 'owner', 'to read');
    await send(channelId, 'owner', 'to read too');
    // The reader's first request stores their profile (once per node): not part of a mark_read.
    await api.http
      .get(`/api/chat/${tenant}/channels/${channelId}/`)
      .set('Authorization', `Bearer ${await token('member-5-1')}`);

    const cost = await costOf(async () => {
      const read = await api.http
        .post(`/api/chat/${tenant}/channels/${channelId}/mark_read/`)
        .set('Authorization', `Bearer ${await token('member-5-1')}`)
        .send({});
      assert.equal(read.status, 200);
    });

    assert.ok(cost.apiMongo <= 3, `API MongoDB commands: ${cost.apiMongo}`);
    assert.ok(cost.workerMongo <= 2, `worker MongoDB commands: ${cost.workerMongo}`);
  });
});
