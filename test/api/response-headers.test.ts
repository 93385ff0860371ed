import assert from 'node:assert/strict';
import { ChatClient } from '../support/chat-client';
import { startTestApi, type TestApi } from '../support/test-api';
import { TEST_ADMIN_TOKEN, uniqueSlug } from '../support/test-env';

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | undefined): Map<string, string[]> {
  return new Map(
    (header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values]),
  );
}

describe('Response headers', () => {
  let api: TestApi;
  let alice: ChatClient;
  const admin = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

  before(async () => {
    api = await startTestApi();
    alice = await ChatClient.as(api, await api.createTenant(uniqueSlug('headers')), 'alice');
  });
  after(() => api.stop());

  describe('Cache-Control: no-store', () => {
    it('is on every chat API response, successes and errors alike', async () => {
      const channel = await alice.group(['bob']);

      const answers = [
        await alice.get('channels/'),
        await alice.get(`channels/${channel.id}/`),
        await alice.post(`channels/${channel.id}/send_message/`, { content: 'hi' }),
        await alice.get('channels/00000000-0000-4000-8000-000000000000/'),
        await alice.request('get', 'channels/').set('Authorization', ''),
      ];

      assert.deepEqual(
        answers.map((res) => [res.status, res.headers['cache-control']]),
        [200, 200, 201, 404, 401].map((status) => [status, 'no-store']),
      );
    });

    it('is on every admin API and job dashboard data response', async () => {
      const answers = [
        await api.http.get('/api/admin/tenants/').set(admin),
        await api.http
          .post('/api/admin/tenants/')
          .set(admin)
          .send({ slug: uniqueSlug('h'), name: 'h' }),
        await api.http.get('/api/admin/tenants/'),
        await api.http.get('/admin/queues/api/queues').set(admin),
      ];

      assert.deepEqual(
        answers.map((res) => [res.status, res.headers['cache-control']]),
        [200, 201, 401, 200].map((status) => [status, 'no-store']),
      );
    });
  });

  describe('Content-Security-Policy', () => {
    for (const [label, path, auth] of [
      ['Swagger UI', '/api/docs/', {}],
      ['the job dashboard', '/admin/queues', admin],
    ] as const) {
      it(`is sent with ${label}: scripts from the page's origin only, no plugins, no framing`, async () => {
        const res = await api.http.get(path).set(auth);
        const csp = directives(res.headers['content-security-policy']);

        assert.equal(res.status, 200);
        assert.deepEqual(csp.get('default-src'), ["'self'"]);
        assert.deepEqual(csp.get('script-src'), ["'self'"]);
        assert.deepEqual(csp.get('object-src'), ["'none'"]);
        assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
        assert.deepEqual(csp.get('base-uri'), ["'self'"]);
      });
    }
  });
});
