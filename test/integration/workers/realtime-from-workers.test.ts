import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../../support/test-api';
import { uniqueSlug } from '../../support/test-env';
import { userToken } from '../../support/tokens';
import { Sockets } from '../../realtime/support/test-socket';
import { deleteRedisKeys, WorkerHarness, workerTestEnv } from './support/worker-harness';

describe('Worker events reach the sockets of API nodes', function () {
  this.timeout(60_000);
  let env: Record<string, string>;
  let api: TestApi;
  let workers: WorkerHarness;
  const sockets = new Sockets();

  before(async () => {
    env = workerTestEnv({ WORKERS_INLINE: 'false' });
    api = await startTestApi(env);
    workers = await WorkerHarness.start(env);
  });

  afterEach(() => sockets.closeAll());

  after(async () => {
    await workers.stop();
    await api.stop();
    await deleteRedisKeys(env.REDIS_KEY_PREFIX);
  });

  it('pushes unread.update and a mention notification to the recipient from the worker process', async () => {
    const tenant = await api.createTenant(uniqueSlug('push'));
    const [ana, ben] = [await userToken(tenant, 'ana'), await userToken(tenant, 'ben')];
    const channel = await api.http
      .post(`/api/chat/${tenant}/channels/`)
      .set('Authorization', `Bearer ${ana}`)
      .send({ channel_type: 'group', name: 'push', participant_ids: ['ben'] });
    const benPresence = await sockets.connect(api.url, '/ws/presence', ben);

    const sent = await api.http
      .post(`/api/chat/${tenant}/channels/${channel.body.id}/send_message/`)
      .set('Authorization', `Bearer ${ana}`)
      .send({ content: 'hello @ben' });

    const unread = await benPresence.next('unread.update');
    assert.deepEqual(unread, { channel_id: channel.body.id, unread_count: 1, total_unread: 1 });
    const notification = await benPresence.next('notification');
    assert.equal(notification.type, 'mention');
    assert.equal((notification.message as { id: number }).id, sent.body.id);
  });
});
