import assert from 'node:assert/strict';
import { ChatClient } from '../support/chat-client';
import { TcpProxy } from '../support/tcp-proxy';
import { startTestApi, type TestApi } from '../support/test-api';
import { uniqueSlug } from '../support/test-env';

const LIMITS = { RATE_LIMIT_USER_PER_MINUTE: '3', RATE_LIMIT_TENANT_PER_MINUTE: '5' };

/** Sends `count` requests one after the other and returns their statuses. */
async function statuses(client: ChatClient, count: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push((await client.get('channels/')).status);
  return out;
}

describe('Rate limits', () => {
  let api: TestApi;

  before(async () => {
    api = await startTestApi(LIMITS);
  });
  after(() => api.stop());

  const usersOf = async (...ids: string[]) => {
    const tenant = await api.createTenant(uniqueSlug('limits'));
    return Promise.all(ids.map((id) => ChatClient.as(api, tenant, id)));
  };

  it('answers 429 rate_limited with Retry-After once a user spends their budget', async () => {
    const [alice] = await usersOf('alice');
    await statuses(alice, 3);

    const res = await alice.get('channels/');

    assert.equal(res.status, 429);
    assert.equal(res.body.error.code, 'rate_limited');
    assert.equal(res.body.error.details.scope, 'user');
    const retryAfter = Number(res.headers['retry-after']);
    assert.ok(
      Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60,
      `Retry-After: ${retryAfter}`,
    );
  });

  it("does not count one user's requests against another user of the tenant", async () => {
    const [alice, bob] = await usersOf('alice', 'bob');
    await statuses(alice, 4);

    const bobs = await statuses(bob, 1);

    assert.deepEqual(bobs, [200]);
  });

  it("answers 429 with scope tenant once the tenant's users together spend its budget", async () => {
    const [alice, bob] = await usersOf('alice', 'bob');
    await statuses(alice, 3);
    await statuses(bob, 2);

    const res = await bob.get('channels/');

    assert.equal(res.status, 429);
    assert.equal(res.body.error.details.scope, 'tenant');
  });

  it("keeps a noisy tenant's exhaustion away from another tenant", async () => {
    const noisy = await usersOf('alice', 'bob', 'carol');
    for (const user of noisy) await statuses(user, 3);
    const [quiet] = await usersOf('dave');

    const quiets = await statuses(quiet, 3);

    assert.deepEqual(quiets, [200, 200, 200]);
  });
});

describe('Rate limits while Redis is unreachable', () => {
  let api: TestApi;
  let redis: TcpProxy;
  let alice: ChatClient;

  before(async () => {
    redis = new TcpProxy(await TcpProxy.reservePort(), { host: '127.0.0.1', port: 6379 });
    await redis.up();
    api = await startTestApi({
      ...LIMITS,
      REDIS_URL: `redis://127.0.0.1:${redis.port}`,
      DEPENDENCY_TIMEOUT_MS: '300',
    });
    const tenant = await api.createTenant(uniqueSlug('limits-down'));
    alice = await ChatClient.as(api, tenant, 'alice');
  });
  after(async () => {
    // Bring Redis back first: shutting down a node cleans its presence keys in Redis.
    await redis.up();
    for (let attempt = 0; attempt < 40 && (await api.http.get('/ready')).status !== 200; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await api.stop();
    await redis.down();
  });

  it('keeps serving requests that need only MongoDB, and still limits them per process', async () => {
    await redis.down();

    const served = await statuses(alice, 4);

    assert.deepEqual(served, [200, 200, 200, 429]);
  });
});
