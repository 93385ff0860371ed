import assert from 'node:assert/strict';
import type { TenantContexts } from '../../src/adapters/tenancy/tenant-context';
import { TOKENS } from '../../src/main/tokens';
import { ChatClient } from '../support/chat-client';
import { startTestApi, type TestApi } from '../support/test-api';
import { uniqueSlug } from '../support/test-env';
import { rsaKeyPair, unsignedToken, userToken, type TokenOptions } from '../support/tokens';

describe('Chat API authentication', () => {
  let api: TestApi;
  let tenant: string;

  before(async () => {
    api = await startTestApi();
  });
  after(() => api.stop());

  beforeEach(async () => {
    tenant = await api.createTenant(uniqueSlug('auth'));
  });

  const listWith = (token: string, slug = tenant) =>
    api.http.get(`/api/chat/${slug}/channels/`).set('Authorization', `Bearer ${token}`);

  it('accepts a valid HS256 token', async () => {
    const res = await listWith(await userToken(tenant, 'alice'));

    assert.equal(res.status, 200);
  });

  it('answers 401 unauthenticated with WWW-Authenticate without a bearer token', async () => {
    const res = await api.http
      .get(`/api/chat/${tenant}/channels/`)
      .set('Authorization', 'Basic YWxpY2U6eA==');

    assert.equal(res.status, 401);
    assert.equal(res.body.error.code, 'unauthenticated');
    assert.equal(res.headers['www-authenticate'], 'Bearer');
  });

  it('answers 401 token_expired for an expired token', async () => {
    const res = await listWith(await userToken(tenant, 'alice', { expiresIn: -60 }));

    assert.equal(res.status, 401);
    assert.equal(res.body.error.code, 'token_expired');
  });

  for (const [label, token] of [
    ['an unsigned token (alg none)', () => unsignedToken(tenant, 'alice')],
    ['a token without exp', () => userToken(tenant, 'alice', { expiresIn: null })],
    [
      'a token signed with another secret',
      () => userToken(tenant, 'alice', { key: 'another-secret-0123456789-0123456789' }),
    ],
    ['a token without a tenant claim', () => userToken('', 'alice')],
    ['a garbage token', () => 'not.a.jwt'],
  ] as const) {
    it(`answers 401 unauthenticated for ${label}`, async () => {
      const res = await listWith(await token());

      assert.equal(res.status, 401);
      assert.equal(res.body.error.code, 'unauthenticated');
    });
  }

  it("answers 403 tenant_mismatch when the token's tenant is not the path's", async () => {
    const other = await api.createTenant(uniqueSlug('auth-other'));

    const res = await listWith(await userToken(other, 'alice'));

    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'tenant_mismatch');
  });

  it('answers 403 tenant_mismatch for a path tenant that is not even a valid slug', async () => {
    const res = await listWith(await userToken(tenant, 'alice'), 'Not_A_Slug');

    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'tenant_mismatch');
  });

  it('answers 404 tenant_not_found for a tenant that does not exist', async () => {
    const ghost = uniqueSlug('ghost');

    const res = await listWith(await userToken(ghost, 'alice'), ghost);

    assert.equal(res.status, 404);
    assert.equal(res.body.error.code, 'tenant_not_found');
  });

  describe("the caller's profile", () => {
    const profileOf = async (userId: string) => {
      const context = await api.node.container.get<TenantContexts>(TOKENS.TenantContexts).forSlug(tenant);
      return context.ports.users.get(userId);
    };

    it("is stored from the token's claims on the first request", async () => {
      const alice = await ChatClient.as(api, tenant, 'alice', { name: 'Alice', userType: 'guest' });

      await alice.get('channels/');

      const profile = await profileOf('alice');
      assert.equal(profile?.name, 'Alice');
      assert.equal(profile?.user_type, 'guest');
    });

    it('is not written again while the claims stay the same', async () => {
      const alice = await ChatClient.as(api, tenant, 'alice', { name: 'Alice' });
      await alice.get('channels/');
      const first = await profileOf('alice');

      await alice.get('channels/');

      assert.deepEqual((await profileOf('alice'))?.updated_at, first?.updated_at);
    });

    it('is refreshed when the claims change', async () => {
      await (await ChatClient.as(api, tenant, 'alice', { name: 'Alice' })).get('channels/');

      await (await ChatClient.as(api, tenant, 'alice', { name: 'Alice Smith' })).get('channels/');

      assert.equal((await profileOf('alice'))?.name, 'Alice Smith');
    });
  });
});

describe('Chat API authentication with RS256 keys, an issuer and an audience', () => {
  const keys = rsaKeyPair();
  const expected: TokenOptions = {
    alg: 'RS256',
    key: keys.privateKey,
    issuer: 'https://host.example',
    audience: 'chat',
  };
  let api: TestApi;
  let tenant: string;

  before(async () => {
    api = await startTestApi({
      JWT_SECRET: '',
      JWT_PUBLIC_KEY: keys.publicKey,
      JWT_ISSUER: 'https://host.example',
      JWT_AUDIENCE: 'chat',
    });
    tenant = await api.createTenant(uniqueSlug('rs256'));
  });
  after(() => api.stop());

  const statusWith = async (options: TokenOptions) =>
    (
      await api.http
        .get(`/api/chat/${tenant}/channels/`)
        .set('Authorization', `Bearer ${await userToken(tenant, 'alice', options)}`)
    ).status;

  it('accepts an RS256 token with the configured issuer and audience', async () => {
    const status = await statusWith(expected);

    assert.equal(status, 200);
  });

  it('answers 401 to an HS256 token signed with the public key (algorithm confusion)', async () => {
    const status = await statusWith({ ...expected, alg: 'HS256', key: keys.publicKey });

    assert.equal(status, 401);
  });

  it('answers 401 to a token from another issuer', async () => {
    const status = await statusWith({ ...expected, issuer: 'https://evil.example' });

    assert.equal(status, 401);
  });

  it('answers 401 to a token for another audience', async () => {
    const status = await statusWith({ ...expected, audience: 'billing' });

    assert.equal(status, 401);
  });

  it('answers 401 to a token without issuer and audience', async () => {
    const status = await statusWith({ alg: 'RS256', key: keys.privateKey });

    assert.equal(status, 401);
  });
});
