import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/test-api';
import { uniqueSlug } from '../support/test-env';

/*
 * Local mode's token endpoint: it exists only with DEMO_ENABLED=true, and its tokens are what a host
 * application's backend would mint: they work on REST at once, the tenant created on first use.
 */
describe('POST /api/dev/tokens', function () {
  this.timeout(30_000);

  describe('without DEMO_ENABLED (every deployment but local mode)', () => {
    let api: TestApi;
    before(async () => (api = await startTestApi()));
    after(() => api.stop());

    it('does not exist, nor does the demo', async () => {
      const token = await api.http.post('/api/dev/tokens').send({ tenant: 'acme', user_id: 'ann' });
      const demo = await api.http.get('/demo/');

      assert.deepEqual([token.status, token.body.error.code], [404, 'not_found']);
      assert.equal(demo.status, 404);
    });
  });

  describe('with DEMO_ENABLED=true', () => {
    let api: TestApi;
    before(async () => (api = await startTestApi({ DEMO_ENABLED: 'true' })));
    after(() => api.stop());

    it('mints a token that the chat API accepts, creating the tenant on first use', async () => {
      const tenant = uniqueSlug('demo');

      const res = await api.http.post('/api/dev/tokens').send({ tenant, user_id: 'ann', name: 'Ann' });

      assert.equal(res.status, 201);
      assert.ok(Date.parse(res.body.expires_at) > Date.now());
      const channels = await api.http
        .get(`/api/chat/${tenant}/channels/`)
        .set('Authorization', `Bearer ${res.body.token}`);
      assert.deepEqual([channels.status, channels.body.results], [200, []]);
    });

    it('signs in a second user of the same tenant, and both can talk', async () => {
      const tenant = uniqueSlug('demo');
      const [ann, bob] = await Promise.all(
        ['ann', 'bob'].map(async (user_id) => {
          const res = await api.http.post('/api/dev/tokens').send({ tenant, user_id });
          assert.equal(res.status, 201);
          return `Bearer ${res.body.token as string}`;
        }),
      );

      const created = await api.http
        .post(`/api/chat/${tenant}/channels/`)
        .set('Authorization', ann)
        .send({ channel_type: 'direct', participant_ids: ['bob'] });
      const seen = await api.http.get(`/api/chat/${tenant}/channels/`).set('Authorization', bob);

      assert.equal(created.status, 201);
      assert.deepEqual(
        seen.body.results.map((c: { id: string }) => c.id),
        [created.body.id],
      );
    });

    it('refuses a bad tenant slug or an unknown field with validation_error', async () => {
      const badSlug = await api.http.post('/api/dev/tokens').send({ tenant: 'Not OK', user_id: 'ann' });
      const extra = await api.http
        .post('/api/dev/tokens')
        .send({ tenant: 'acme', user_id: 'ann', admin: true });

      assert.deepEqual([badSlug.status, badSlug.body.error.code], [400, 'validation_error']);
      assert.deepEqual([extra.status, extra.body.error.code], [400, 'validation_error']);
    });

    it('is never cached', async () => {
      const res = await api.http.post('/api/dev/tokens').send({ tenant: uniqueSlug('demo'), user_id: 'ann' });

      assert.equal(res.headers['cache-control'], 'no-store');
    });
  });
});
