import assert from 'node:assert/strict';
import { ChatClient } from '../support/chat-client';
import { addSecretKey, createTenantWithKey, revokeKey, type IssuedKey } from '../support/tenant-keys';
import type { TestApi } from '../support/test-api';
import { TENANT_KEYS, uniqueSlug } from '../support/test-env';
import { tenantKeyToken, userToken } from '../support/tokens';
import { startNodes, stopNodes } from './support/cluster';
import { Sockets, TestSocket } from './support/test-socket';

interface KeyedTenant {
  tenant: string;
  key: IssuedKey;
  channelId: string;
}

/*
 * Issue 14: a token with a `kid` is verified with that key of its tenant only, the same on REST and
 * on each namespace. Each case asks one transport whether it lets the token in: 'ok', or the code
 * it refused with.
 */
describe('Per-tenant signing keys on REST and on every namespace', () => {
  let api: TestApi;
  let a: KeyedTenant;
  let b: KeyedTenant;
  const sockets = new Sockets();

  /** A tenant with its first key, and a group of alice and bob created with a token of that key. */
  async function keyedTenant(label: string): Promise<KeyedTenant> {
    const { tenant, key } = await createTenantWithKey(api, uniqueSlug(label));
    const alice = new ChatClient(api, tenant, 'alice', await tenantKeyToken(tenant, 'alice', key));
    const channel = await alice.group(['bob']);
    return { tenant, key, channelId: channel.id };
  }

  before(async () => {
    [api] = await startNodes(1, TENANT_KEYS);
    [a, b] = [await keyedTenant('keys-a'), await keyedTenant('keys-b')];
  });
  afterEach(() => sockets.closeAll());
  after(() => stopNodes([api]));

  async function overSocket(namespace: string, token: string): Promise<string> {
    const socket = sockets.track(TestSocket.open(api.url, namespace, token));
    try {
      await socket.connected();
      return 'ok';
    } catch (error) {
      return (error as Error).message;
    }
  }

  const transports: Record<string, (target: KeyedTenant, token: string) => Promise<string>> = {
    REST: async (target, token) => {
      const res = await api.http
        .get(`/api/chat/${target.tenant}/channels/${target.channelId}/`)
        .set('Authorization', `Bearer ${token}`);
      return res.status === 200 ? 'ok' : res.body.error.code;
    },
    '/ws/chat/{id}': (target, token) => overSocket(`/ws/chat/${target.channelId}`, token),
    '/ws/typing/{id}': (target, token) => overSocket(`/ws/typing/${target.channelId}`, token),
    '/ws/presence': (_target, token) => overSocket('/ws/presence', token),
  };

  for (const [name, attempt] of Object.entries(transports)) {
    describe(name, () => {
      it("lets in a token signed with one of the tenant's own keys", async () => {
        const token = await tenantKeyToken(b.tenant, 'bob', b.key);

        assert.equal(await attempt(b, token), 'ok');
      });

      it("refuses tenant A's key for tenant B with unauthenticated, under A's kid or B's", async () => {
        const underOwnKid = await tenantKeyToken(b.tenant, 'bob', a.key);
        const underBKid = await tenantKeyToken(b.tenant, 'bob', { kid: b.key.kid, secret: a.key.secret });

        const outcomes = [await attempt(b, underOwnKid), await attempt(b, underBKid)];

        assert.deepEqual(outcomes, ['unauthenticated', 'unauthenticated']);
      });

      it('refuses an unknown kid with unauthenticated', async () => {
        const token = await tenantKeyToken(b.tenant, 'bob', { kid: 'no-such-key', secret: b.key.secret });

        assert.equal(await attempt(b, token), 'unauthenticated');
      });

      it('refuses a revoked key with unauthenticated', async () => {
        const key = await addSecretKey(api, b.tenant);
        const token = await tenantKeyToken(b.tenant, 'bob', key);
        assert.equal(await attempt(b, token), 'ok');

        await revokeKey(api, b.tenant, key.kid);

        assert.equal(await attempt(b, token), 'unauthenticated');
      });

      it('accepts two keys at once during a rotation, and the new one alone after the old is revoked', async () => {
        const [old, next] = [await addSecretKey(api, b.tenant), await addSecretKey(api, b.tenant)];
        const [oldToken, nextToken] = [
          await tenantKeyToken(b.tenant, 'bob', old),
          await tenantKeyToken(b.tenant, 'bob', next),
        ];

        const during = [await attempt(b, oldToken), await attempt(b, nextToken)];
        await revokeKey(api, b.tenant, old.kid);
        const after = [await attempt(b, oldToken), await attempt(b, nextToken)];

        assert.deepEqual(during, ['ok', 'ok']);
        assert.deepEqual(after, ['unauthenticated', 'ok']);
      });
    });
  }

  it('still lets in a token without kid signed with the deployment-wide JWT_SECRET', async () => {
    const token = await userToken(b.tenant, 'bob');

    assert.equal(await transports.REST(b, token), 'ok');
    assert.equal(await transports['/ws/presence'](b, token), 'ok');
  });

  it("answers token_expired for an expired token of the tenant's own key", async () => {
    const token = await tenantKeyToken(b.tenant, 'bob', b.key, { expiresIn: -60 });

    assert.equal(await transports.REST(b, token), 'token_expired');
    assert.equal(await transports['/ws/chat/{id}'](b, token), 'token_expired');
  });
});
