import assert from 'node:assert/strict';
import type { MongoDatabases } from '../../src/adapters/persistence/mongo/mongo-databases';
import type { TenantDirectory } from '../../src/application/ports/tenant-directory.port';
import { TOKENS } from '../../src/main/tokens';
import { startTestApi, type TestApi } from '../support/test-api';
import { TEST_ADMIN_TOKEN, uniqueSlug } from '../support/test-env';

describe('Admin tenants API', () => {
  let api: TestApi;
  const admin = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

  before(async () => {
    api = await startTestApi();
  });
  after(() => api.stop());

  it('creates a tenant with 201 and lists it', async () => {
    const slug = uniqueSlug('acme');

    const created = await api.http.post('/api/admin/tenants').set(admin).send({ slug, name: 'Acme Inc' });
    const listed = await api.http.get('/api/admin/tenants/').set(admin);

    assert.equal(created.status, 201);
    assert.equal(created.body.slug, slug);
    assert.equal(created.body.name, 'Acme Inc');
    assert.match(created.body.database_name, /^t[0-9a-f]{8}_t_acme_/);
    assert.ok(!Number.isNaN(Date.parse(created.body.created_at)));
    assert.equal(listed.status, 200);
    assert.ok(listed.body.results.some((t: { slug: string }) => t.slug === slug));
  });

  it('answers 409 tenant_exists for a taken slug, also when two creates race', async () => {
    const slug = uniqueSlug('race');

    const results = await Promise.all(
      [1, 2, 3].map(() => api.http.post('/api/admin/tenants').set(admin).send({ slug, name: 'Race' })),
    );

    assert.deepEqual(results.map((r) => r.status).sort(), [201, 409, 409]);
    assert.equal(results.find((r) => r.status === 409)?.body.error.code, 'tenant_exists');
  });

  for (const [label, body] of [
    ['an upper-case slug', { slug: 'Acme', name: 'x' }],
    ['a slug starting with a dash', { slug: '-acme', name: 'x' }],
    ['a one-character slug', { slug: 'a', name: 'x' }],
    ['an operator object as slug', { slug: { $gt: '' }, name: 'x' }],
    ['a missing name', { slug: 'valid-slug' }],
    ['an unknown field', { slug: 'valid-slug-2', name: 'x', database_name: 'admin' }],
  ] as const) {
    it(`answers 400 validation_error for ${label}`, async () => {
      const res = await api.http.post('/api/admin/tenants').set(admin).send(body);

      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, 'validation_error');
      assert.ok(res.body.error.details.fields.length > 0);
    });
  }

  it('lists the tenants whatever query string the request carries (the list takes none)', async () => {
    const res = await api.http.get('/api/admin/tenants/?page=2').set(admin);

    assert.equal(res.status, 200);
    assert.ok(Array.isArray(res.body.results));
  });

  it('answers 401 without the admin token or with a wrong one', async () => {
    const missing = await api.http.get('/api/admin/tenants');
    const wrong = await api.http
      .post('/api/admin/tenants')
      .set('Authorization', 'Bearer nope')
      .send({ slug: 'zz', name: 'z' });

    assert.equal(missing.status, 401);
    assert.equal(missing.body.error.code, 'unauthenticated');
    assert.equal(wrong.status, 401);
  });

  it("keeps each tenant's data in its own database", async () => {
    const [a, b] = [await api.createTenant(uniqueSlug('iso-a')), await api.createTenant(uniqueSlug('iso-b'))];
    const directory = api.node.container.get<TenantDirectory>(TOKENS.TenantDirectory);
    const mongo = api.node.container.get<MongoDatabases>(TOKENS.Mongo);
    const [tenantA, tenantB] = [await directory.find(a), await directory.find(b)];

    await mongo
      .tenant(tenantA!.database_name)
      .collection('probe')
      .insertOne({ _id: 'shared-id', owner: a } as never);
    const seenFromB = await mongo
      .tenant(tenantB!.database_name)
      .collection('probe')
      .findOne({ _id: 'shared-id' } as never);
    const seenFromA = await mongo
      .tenant(tenantA!.database_name)
      .collection('probe')
      .findOne({ _id: 'shared-id' } as never);

    assert.notEqual(tenantA!.database_name, tenantB!.database_name);
    assert.equal(seenFromB, null);
    assert.equal(seenFromA?.owner, a);
  });
});
