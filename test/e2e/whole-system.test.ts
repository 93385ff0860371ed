import assert from 'node:assert/strict';
import request from 'supertest';
import { deleteRedisKeys, workerTestEnv } from '../integration/workers/support/worker-harness';
import { eventually } from '../realtime/support/eventually';
import { Sockets } from '../realtime/support/test-socket';
import { freePort } from '../support/free-port';
import { TEST_ADMIN_TOKEN, uniqueSlug } from '../support/test-env';
import { userToken } from '../support/tokens';
import { ProcessChild } from './support/process-child';

/**
 * The deployment shape of docker/docker-compose.yml: an API process without workers and a separate
 * worker process, sharing MongoDB (FerretDB) and Redis. What the worker does reaches the API's
 * sockets only through Redis.
 */
describe('The whole system as separate API and worker processes', function () {
  this.timeout(90_000);
  const sockets = new Sockets();
  let env: Record<string, string>;
  let api: ProcessChild;
  let worker: ProcessChild;
  let url: string;

  before(async () => {
    const port = await freePort();
    env = workerTestEnv({ PORT: String(port), HOST: '127.0.0.1', WORKERS_INLINE: 'false' });
    [api, worker] = await Promise.all([ProcessChild.start(env, 'api'), ProcessChild.start(env, 'worker')]);
    url = `http://127.0.0.1:${port}`;
  });
  after(async () => {
    sockets.closeAll();
    await Promise.all([api?.kill('SIGTERM'), worker?.kill('SIGTERM')]);
    await deleteRedisKeys(env.REDIS_KEY_PREFIX);
  });

  it('carries a message from a REST send to sockets, to unread counts and to read receipts', async () => {
    const http = request(url);
    const slug = uniqueSlug('whole');
    await http
      .post('/api/admin/tenants')
      .set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}`)
      .send({ slug, name: 'W' });
    const [alice, bob] = [await userToken(slug, 'alice'), await userToken(slug, 'bob')];
    const chat = `/api/chat/${slug}`;
    const channel = await http
      .post(`${chat}/channels/`)
      .set('Authorization', `Bearer ${alice}`)
      .send({ channel_type: 'direct', participant_ids: ['bob'] });
    const bobChat = await sockets.connect(url, `/ws/chat/${channel.body.id}`, bob);
    const bobPresence = await sockets.connect(url, '/ws/presence', bob);

    const sent = await http
      .post(`${chat}/channels/${channel.body.id}/send_message/`)
      .set('Authorization', `Bearer ${alice}`)
      .send({ content: 'through every process' });
    const delivered = await bobChat.next('chat.message');
    const unread = await bobPresence.next('unread.update', (u) => u.unread_count === 1);
    const notified = await bobPresence.next('notification');
    await http
      .post(`${chat}/channels/${channel.body.id}/mark_read/`)
      .set('Authorization', `Bearer ${bob}`)
      .send({});
    const readBy = await eventually(
      async () =>
        (
          await http
            .get(`${chat}/channels/${channel.body.id}/messages/${sent.body.id}/read_by/`)
            .set('Authorization', `Bearer ${alice}`)
        ).body.results,
      (results: unknown[]) => results.length === 1,
      'read_by of the message',
    );

    assert.equal(sent.status, 201);
    assert.deepEqual(
      [delivered.id, delivered.seq, delivered.content],
      [sent.body.id, 1, 'through every process'],
    );
    assert.deepEqual(unread, { channel_id: channel.body.id, unread_count: 1, total_unread: 1 });
    assert.equal((notified.message as { id: number }).id, sent.body.id);
    assert.equal((readBy[0] as { user_id: string }).user_id, 'bob');
  });

  it('stops both processes with SIGTERM, each exiting 0 after draining', async () => {
    sockets.closeAll();

    const [apiCode, workerCode] = await Promise.all([api.kill('SIGTERM'), worker.kill('SIGTERM')]);

    assert.equal(apiCode, 0, api.log);
    assert.equal(workerCode, 0, worker.log);
    assert.match(api.log, /"api stopped"/);
    assert.match(worker.log, /"worker stopped"/);
  });
});
