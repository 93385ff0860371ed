import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import type { MongoDatabases } from '../../src/adapters/persistence/mongo/mongo-databases';
import { TOKENS } from '../../src/main/tokens';
import { capturedLogs } from '../support/captured-logs';
import { adminRequest, createTenantWithKey } from '../support/tenant-keys';
import { startTestApi, type TestApi } from '../support/test-api';
import { TENANT_KEYS, uniqueSlug } from '../support/test-env';
import { ecKeyPair, rsaKeyPair, tenantKeyToken } from '../support/tokens';

describe('Admin API: tenant signing keys', () => {
  const logs = capturedLogs('trace');
  let api: TestApi;
  let admin: ReturnType<typeof adminRequest>;
  let tenant: string;
  const keysOf = (slug = tenant) => `/api/admin/tenants/${slug}/keys`;

  before(async () => {
    api = await startTestApi(TENANT_KEYS, [logs.module]);
    admin = adminRequest(api);
  });
  after(() => api.stop());
  beforeEach(async () => {
    ({ tenant } = await createTenantWithKey(api, uniqueSlug('keys')));
  });

  const storedKey = (kid: string) =>
    api.node.container
      .get<MongoDatabases>(TOKENS.Mongo)
      .control()
      .collection('tenant_keys')
      .findOne({ tenant, kid });

  describe('creating a tenant', () => {
    it('answers its first HS256 key with the secret; the list shows the key without it', async () => {
      const slug = uniqueSlug('first');

      const created = await admin.post('/api/admin/tenants', { slug, name: 'First' });
      const listed = await admin.get(keysOf(slug));

      const key = created.body.signing_key;
      assert.equal(created.status, 201);
      assert.equal(key.alg, 'HS256');
      assert.match(key.secret, /^[A-Za-z0-9_-]{43}$/);
      assert.deepEqual(listed.body.results, [
        { kid: key.kid, alg: 'HS256', created_at: key.created_at, revoked_at: null, public_key: null },
      ]);
      assert.ok(!listed.text.includes(key.secret));
    });
  });

  describe('POST keys', () => {
    it('generates a new HS256 secret each time, under a new kid', async () => {
      const [first, second] = [
        await admin.post(keysOf(), { alg: 'HS256' }),
        await admin.post(keysOf(), { alg: 'HS256', kid: 'rotation-2' }),
      ];

      assert.deepEqual([first.status, second.status], [201, 201]);
      assert.notEqual(first.body.kid, second.body.kid);
      assert.equal(second.body.kid, 'rotation-2');
      assert.notEqual(first.body.secret, second.body.secret);
    });

    it('registers an RS256 public key in PEM and an ES256 one as a JWK (taking its kid)', async () => {
      const rsa = rsaKeyPair();
      const jwk = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ format: 'jwk' });

      const pem = await admin.post(keysOf(), { alg: 'RS256', public_key: rsa.publicKey });
      const ec = await admin.post(keysOf(), {
        alg: 'ES256',
        public_key: { ...jwk, kid: 'host-ec-1', use: 'sig' },
      });

      assert.equal(pem.status, 201);
      assert.equal(pem.body.public_key, rsa.publicKey);
      assert.equal(pem.body.secret, null);
      assert.equal(ec.status, 201);
      assert.equal(ec.body.kid, 'host-ec-1');
      assert.match(ec.body.public_key, /^-----BEGIN PUBLIC KEY-----/);
    });

    it('verifies tokens signed with a registered RS256 or ES256 key, and no HS256 token under its kid', async () => {
      const [rsa, ec] = [rsaKeyPair(), ecKeyPair()];
      const rs = (await admin.post(keysOf(), { alg: 'RS256', public_key: rsa.publicKey })).body.kid;
      const es = (await admin.post(keysOf(), { alg: 'ES256', public_key: ec.publicKey })).body.kid;
      const statusWith = async (token: string) =>
        (await api.http.get(`/api/chat/${tenant}/channels/`).set('Authorization', `Bearer ${token}`)).status;

      const statuses = [
        await statusWith(
          await tenantKeyToken(tenant, 'alice', { kid: rs, alg: 'RS256', secret: rsa.privateKey }),
        ),
        await statusWith(
          await tenantKeyToken(tenant, 'alice', { kid: es, alg: 'ES256', secret: ec.privateKey }),
        ),
        // Algorithm confusion: HS256 keyed with the public key's text.
        await statusWith(
          await tenantKeyToken(tenant, 'alice', { kid: rs, alg: 'HS256', secret: rsa.publicKey }),
        ),
      ];

      assert.deepEqual(statuses, [200, 200, 401]);
    });

    const rsa = rsaKeyPair();
    const weak = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
      type: 'spki',
      format: 'pem',
    });
    const ecJwk = () =>
      generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ format: 'jwk' });
    for (const [label, body, field] of [
      ['a private key in PEM', { alg: 'RS256', public_key: rsa.privateKey }, 'public_key'],
      [
        'a private JWK',
        { alg: 'RS256', public_key: { kty: 'RSA', n: 'x', e: 'AQAB', d: 'y' } },
        'public_key',
      ],
      ['an RSA key for ES256', { alg: 'ES256', public_key: rsa.publicKey }, 'public_key'],
      ['a 1024-bit RSA key', { alg: 'RS256', public_key: weak }, 'public_key'],
      [
        'a JWK whose alg is another',
        { alg: 'ES256', public_key: { ...ecJwk(), alg: 'ES384' } },
        'public_key',
      ],
      [
        'a kid that differs from the JWK’s',
        { alg: 'ES256', kid: 'a', public_key: { ...ecJwk(), kid: 'b' } },
        'kid',
      ],
      ['text that is no key', { alg: 'RS256', public_key: 'hello' }, 'public_key'],
      ['a public key with HS256', { alg: 'HS256', public_key: rsa.publicKey }, 'public_key'],
      ['no public key with RS256', { alg: 'RS256' }, 'public_key'],
      ['an unknown algorithm', { alg: 'none' }, 'alg'],
      ['a kid with a slash', { alg: 'HS256', kid: 'a/b' }, 'kid'],
    ] as const) {
      it(`answers 400 validation_error naming ${field} for ${label}`, async () => {
        const res = await admin.post(keysOf(), body);

        assert.equal(res.status, 400, JSON.stringify(res.body));
        assert.equal(res.body.error.code, 'validation_error');
        assert.ok(
          res.body.error.details.fields.some((f: { field: string }) => f.field === field),
          JSON.stringify(res.body.error.details),
        );
      });
    }

    it('answers 409 conflict for a kid the tenant already has, revoked or not', async () => {
      await admin.post(keysOf(), { alg: 'HS256', kid: 'taken' });
      await admin.delete(`${keysOf()}/taken`);

      const res = await admin.post(keysOf(), { alg: 'HS256', kid: 'taken' });

      assert.equal(res.status, 409);
      assert.equal(res.body.error.code, 'conflict');
    });

    it('lets two tenants use the same kid', async () => {
      const other = (await createTenantWithKey(api, uniqueSlug('same-kid'))).tenant;

      const res = [
        await admin.post(keysOf(), { alg: 'HS256', kid: 'shared' }),
        await admin.post(keysOf(other), { alg: 'HS256', kid: 'shared' }),
      ];

      assert.deepEqual(
        res.map((r) => r.status),
        [201, 201],
      );
    });
  });

  describe('DELETE keys/{kid}', () => {
    it('revokes the key: listed with revoked_at, its secret wiped from the registry', async () => {
      const { kid } = (await admin.post(keysOf(), { alg: 'HS256' })).body;

      const revoked = await admin.delete(`${keysOf()}/${kid}`);
      const again = await admin.delete(`${keysOf()}/${kid}`);
      const listed = await admin.get(keysOf());

      assert.equal(revoked.status, 200);
      assert.ok(!Number.isNaN(Date.parse(revoked.body.revoked_at)));
      assert.deepEqual(again.body, revoked.body);
      assert.deepEqual(
        listed.body.results.find((k: { kid: string }) => k.kid === kid),
        revoked.body,
      );
      assert.equal((await storedKey(kid))?.secret, null);
    });

    it('answers 404 not_found for a kid the tenant does not have', async () => {
      const res = await admin.delete(`${keysOf()}/nope`);

      assert.equal(res.status, 404);
      assert.equal(res.body.error.code, 'not_found');
    });
  });

  it('answers 404 tenant_not_found on every keys route of a tenant that does not exist', async () => {
    const ghost = keysOf(uniqueSlug('ghost'));

    const res = [
      await admin.post(ghost, { alg: 'HS256' }),
      await admin.get(ghost),
      await admin.delete(`${ghost}/k`),
    ];

    assert.deepEqual(
      res.map((r) => [r.status, r.body.error.code]),
      Array(3).fill([404, 'tenant_not_found']),
    );
  });

  it('stores each secret encrypted (AES-256-GCM, its own IV), never the plaintext', async () => {
    const [one, two] = [
      (await admin.post(keysOf(), { alg: 'HS256' })).body,
      (await admin.post(keysOf(), { alg: 'HS256' })).body,
    ];

    const [stored1, stored2] = [await storedKey(one.kid), await storedKey(two.kid)];

    const text = JSON.stringify([stored1, stored2]);
    assert.ok(!text.includes(one.secret) && !text.includes(two.secret));
    assert.ok(!text.includes(Buffer.from(one.secret).toString('base64')));
    assert.deepEqual(Object.keys(stored1?.secret).sort(), ['data', 'iv', 'key_id', 'tag', 'v']);
    assert.notEqual(stored1?.secret.iv, stored2?.secret.iv);
    assert.equal(stored1?.secret.key_id, stored2?.secret.key_id);
  });

  it('never writes a secret or a token to the logs', async () => {
    const { tenant: slug, key } = await createTenantWithKey(api, uniqueSlug('logs'));
    const added = (await admin.post(keysOf(slug), { alg: 'HS256' })).body;
    const token = await tenantKeyToken(slug, 'alice', added);
    const forged = await tenantKeyToken(slug, 'alice', { kid: key.kid, secret: added.secret });

    await api.http.get(`/api/chat/${slug}/channels/`).set('Authorization', `Bearer ${token}`);
    await api.http.get(`/api/chat/${slug}/channels/`).set('Authorization', `Bearer ${forged}`);
    await admin.get(keysOf(slug));
    await admin.delete(`${keysOf(slug)}/${added.kid}`);
    await api.http.get(`/api/chat/${slug}/channels/`).set('Authorization', `Bearer ${token}`);

    const written = logs.raw.join('');
    assert.ok(logs.raw.length > 0, 'the node logged at trace level');
    for (const secret of [key.secret, added.secret, token, forged]) assert.ok(!written.includes(secret));
  });
});

describe('Admin API: tenant signing keys without TENANT_KEYS_SECRET', () => {
  let api: TestApi;
  let admin: ReturnType<typeof adminRequest>;

  before(async () => {
    api = await startTestApi();
    admin = adminRequest(api);
  });
  after(() => api.stop());

  it('creates tenants without a signing key, refuses HS256 keys with forbidden, registers public keys', async () => {
    const slug = uniqueSlug('no-secrets');

    const created = await admin.post('/api/admin/tenants', { slug, name: 'x' });
    const hmac = await admin.post(`/api/admin/tenants/${slug}/keys`, { alg: 'HS256' });
    const rsa = await admin.post(`/api/admin/tenants/${slug}/keys`, {
      alg: 'RS256',
      public_key: rsaKeyPair().publicKey,
    });

    assert.equal(created.status, 201);
    assert.equal(created.body.signing_key, null);
    assert.equal(hmac.status, 403);
    assert.equal(hmac.body.error.code, 'forbidden');
    assert.equal(rsa.status, 201);
  });
});

describe('A node with another TENANT_KEYS_SECRET', () => {
  const logs = capturedLogs('warn');
  let issuing: TestApi;
  let other: TestApi;

  before(async () => {
    issuing = await startTestApi(TENANT_KEYS);
    other = await startTestApi({ TENANT_KEYS_SECRET: 'another-tenant-keys-secret-0123456789-ab' }, [
      logs.module,
    ]);
  });
  after(() => Promise.all([issuing.stop(), other.stop()]));

  it('cannot decrypt the stored secrets: refuses their tokens and says why, without the secret', async () => {
    const { tenant, key } = await createTenantWithKey(issuing, uniqueSlug('other-secret'));
    const token = await tenantKeyToken(tenant, 'alice', key);

    const res = await other.http.get(`/api/chat/${tenant}/channels/`).set('Authorization', `Bearer ${token}`);

    assert.equal(res.status, 401);
    const warning = logs.lines.find((line) => line.tenant === tenant);
    assert.equal(warning?.kid, key.kid);
    assert.match(String(warning?.reason), /another TENANT_KEYS_SECRET/);
    assert.ok(!logs.raw.join('').includes(key.secret));
  });
});
