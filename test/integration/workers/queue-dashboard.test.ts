import assert from 'node:assert/strict';
import { register } from 'prom-client';
import { startTestApi, type TestApi } from '../../support/test-api';
import { TEST_ADMIN_TOKEN, uniqueSlug } from '../../support/test-env';
import { deleteRedisKeys, workerTestEnv } from './support/worker-harness';

describe('Job dashboard and queue metrics', function () {
  this.timeout(30_000);
  let env: Record<string, string>;
  let api: TestApi;
  const admin = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

  before(async () => {
    env = workerTestEnv();
    api = await startTestApi(env);
  });

  after(async () => {
    await api.stop();
    await deleteRedisKeys(env.REDIS_KEY_PREFIX);
  });

  it('answers 401 without the admin token', async () => {
    const page = await api.http.get('/admin/queues');
    const data = await api.http.get('/admin/queues/api/queues');
    const wrong = await api.http.get('/admin/queues/api/queues').set('Authorization', 'Bearer not-the-token');

    assert.equal(page.status, 401);
    assert.equal(data.status, 401);
    assert.equal(wrong.status, 401);
    assert.equal(data.body.error.code, 'unauthenticated');
  });

  it('lists the three queues (and webhooks) with the admin token', async () => {
    const res = await api.http.get('/admin/queues/api/queues').set(admin);

    assert.equal(res.status, 200);
    const names = res.body.queues.map((q: { name: string }) => q.name).sort();
    assert.deepEqual(names, ['notifications', 'read-receipts', 'unread-counts', 'webhooks']);
  });

  it('lets a browser in with ?token= once, then with an HttpOnly cookie', async () => {
    const login = await api.http.get(`/admin/queues?token=${TEST_ADMIN_TOKEN}`);
    const cookie = login.headers['set-cookie']?.[0] ?? '';

    const page = await api.http.get('/admin/queues').set('Cookie', cookie.split(';')[0]);

    assert.equal(login.status, 303);
    assert.equal(login.headers.location, '/admin/queues');
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    assert.ok(!cookie.includes(TEST_ADMIN_TOKEN), 'the cookie is not the token');
    assert.equal(page.status, 200);
    assert.match(page.text, /<html/i);
  });

  it('exports queue depths per state in the default Prometheus registry', async () => {
    const text = await register.metrics();

    for (const queue of ['read-receipts', 'unread-counts', 'notifications']) {
      for (const state of ['waiting', 'active', 'delayed', 'failed']) {
        assert.match(text, new RegExp(`chat_queue_jobs\\{queue="${queue}",state="${state}"\\} \\d+`));
      }
    }
  });

  it('sets a tenant webhook with PATCH and never shows its secret', async () => {
    const slug = await api.createTenant(uniqueSlug('hooked'));

    const set = await api.http
      .patch(`/api/admin/tenants/${slug}`)
      .set(admin)
      .send({ webhook_url: 'https://example.test/hooks', webhook_secret: 'whsec-0123456789abcdef' });
    const bad = await api.http
      .patch(`/api/admin/tenants/${slug}`)
      .set(admin)
      .send({ webhook_url: 'ftp://x' });
    const unknown = await api.http
      .patch(`/api/admin/tenants/${uniqueSlug('none')}`)
      .set(admin)
      .send({ webhook_url: null });

    assert.equal(set.status, 200);
    assert.equal(set.body.webhook_url, 'https://example.test/hooks');
    assert.ok(!JSON.stringify(set.body).includes('whsec'));
    assert.equal(bad.status, 400);
    assert.equal(unknown.status, 404);
  });
});
