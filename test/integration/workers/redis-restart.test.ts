import assert from 'node:assert/strict';
import type { TenantContext } from '../../../src/adapters/tenancy/tenant-context';
import { TOKENS } from '../../../src/main/tokens';
import { TcpProxy } from '../../support/tcp-proxy';
import { startTestApi, type TestApi } from '../../support/test-api';
import { uniqueSlug } from '../../support/test-env';
import { userToken } from '../../support/tokens';
import { assertChannelInvariants, allMessages } from './support/chat-invariants';
import { deleteRedisKeys, drained, workerTestEnv } from './support/worker-harness';

const USERS = ['ana', 'ben', 'cleo'];

describe('Workers when Redis restarts under load', function () {
  this.timeout(120_000);
  let env: Record<string, string>;
  let proxy: TcpProxy;
  let api: TestApi;
  let tenant: string;
  let tokens: Record<string, string>;

  before(async () => {
    proxy = new TcpProxy(await TcpProxy.reservePort(), { host: '127.0.0.1', port: 6379 });
    await proxy.up();
    env = workerTestEnv({
      REDIS_URL: `redis://127.0.0.1:${proxy.port}`,
      WORKERS_INLINE: 'true',
      DEPENDENCY_TIMEOUT_MS: '1000',
    });
    api = await startTestApi(env);
    tenant = await api.createTenant(uniqueSlug('restart'));
    tokens = Object.fromEntries(await Promise.all(USERS.map(async (u) => [u, await userToken(tenant, u)])));
  });

  after(async () => {
    await api.stop();
    await proxy.down();
    await deleteRedisKeys(env.REDIS_KEY_PREFIX);
  });

  function send(user: string, channelId: string, clientMessageId: string) {
    return api.http
      .post(`/api/chat/${tenant}/channels/${channelId}/send_message/`)
      .set('Authorization', `Bearer ${tokens[user]}`)
      .send({ content: `${clientMessageId} from ${user}`, client_message_id: clientMessageId });
  }

  /** Waits until the queues are drained and no send is left in the outbox (the sweeper has run). */
  async function settled(context: TenantContext): Promise<void> {
    for (let round = 0; round < 50; round += 1) {
      await drained(api.node.container.get(TOKENS.Queues), 60_000);
      if ((await context.ports.outbox.openedBefore(new Date(Date.now() + 60_000), 1)).length === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('the outbox did not empty');
  }

  it('fails fast with 503 while Redis is down, then processes every stored message once it is back', async () => {
    const created = await api.http
      .post(`/api/chat/${tenant}/channels/`)
      .set('Authorization', `Bearer ${tokens.ana}`)
      .send({ channel_type: 'group', name: 'restart', participant_ids: ['ben', 'cleo'] });
    const channelId = created.body.id;
    const failed: Array<[string, string]> = [];
    const downStatuses: number[] = [];
    let slowest = 0;

    for (let i = 0; i < 60; i += 1) {
      if (i === 20) await proxy.down();
      if (i === 40) await proxy.up();
      const user = USERS[i % 2];
      const started = Date.now();
      const res = await send(user, channelId, `m${i}`);
      if (i >= 20 && i < 40) {
        downStatuses.push(res.status);
        slowest = Math.max(slowest, Date.now() - started);
      }
      if (res.status >= 500) failed.push([user, `m${i}`]);
    }
    const retried = await Promise.all(
      failed.map(([user, id]) => retryUntilAccepted(() => send(user, channelId, id))),
    );
    const context = await api.node.container
      .get<{ forSlug(s: string): Promise<TenantContext> }>(TOKENS.TenantContexts)
      .forSlug(tenant);
    await settled(context);

    assert.equal(created.status, 201);
    assert.ok(
      downStatuses.length > 0 && downStatuses.every((s) => s === 503),
      `503 while down: ${downStatuses}`,
    );
    assert.ok(slowest < 3_000, `each failure came fast (${slowest} ms)`);
    assert.ok(retried.every((s) => s === 200 || s === 201));
    const messages = await allMessages(context, channelId);
    assert.equal(messages.length, 60, 'every send stored once');
    await assertChannelInvariants(context, channelId, USERS);
    const notifications = api.node.container
      .get<{ get(n: string): { getJobState(id: string): Promise<string> } }>(TOKENS.Queues)
      .get('notifications');
    for (const m of messages) {
      assert.equal(
        await notifications.getJobState(`${tenant}.notify.${channelId}.${m.id}`),
        'completed',
        `message ${m.id} notified`,
      );
    }
  });
});

/** A client's retry after 503: same request, a short pause between tries (bounded). */
async function retryUntilAccepted(request: () => PromiseLike<{ status: number }>): Promise<number> {
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const { status } = await request();
    if (status < 500) return status;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('request never accepted');
}
