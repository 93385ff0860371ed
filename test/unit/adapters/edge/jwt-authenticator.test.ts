import assert from 'node:assert/strict';
import { createSecretKey } from 'node:crypto';
import { JwtAuthenticator, type TenantKeys } from '../../../../src/adapters/edge/jwt-authenticator';
import type { VerificationKey } from '../../../../src/adapters/edge/tenant-key-cache';
import { tenantKeyToken, userToken } from '../../../support/tokens';

const ACME_SECRET = 'acme-secret-0123456789-0123456789-abcdef';
const GLOBEX_SECRET = 'globex-secret-0123456789-0123456789-abcde';
const DEPLOYMENT_SECRET = 'deployment-secret-0123456789-0123456789';

/** Each tenant's keys by kid, and which tenants were asked. */
class TenantKeysFake implements TenantKeys {
  readonly asked: string[] = [];
  private readonly keys = new Map<string, VerificationKey>([
    ['acme/a1', { alg: 'HS256', key: createSecretKey(Buffer.from(ACME_SECRET)) }],
    ['globex/g1', { alg: 'HS256', key: createSecretKey(Buffer.from(GLOBEX_SECRET)) }],
  ]);

  async keyFor(tenant: string, kid: string): Promise<VerificationKey | null> {
    this.asked.push(tenant);
    return this.keys.get(`${tenant}/${kid}`) ?? null;
  }
}

const refusal = (code: string) => ({ name: 'AuthenticationError', code });

describe('JwtAuthenticator with tenant keys', () => {
  let tenantKeys: TenantKeysFake;
  let auth: JwtAuthenticator;
  beforeEach(() => {
    tenantKeys = new TenantKeysFake();
    auth = new JwtAuthenticator({ secret: DEPLOYMENT_SECRET, tenantKeys });
  });

  it("verifies a token with the kid's key of the tenant it claims", async () => {
    const token = await tenantKeyToken('acme', 'alice', { kid: 'a1', secret: ACME_SECRET });

    const user = await auth.verify(token);

    assert.deepEqual([user.tenant, user.userId], ['acme', 'alice']);
  });

  it("looks the kid up among the claimed tenant's keys only", async () => {
    const token = await tenantKeyToken('globex', 'alice', { kid: 'a1', secret: ACME_SECRET });

    await assert.rejects(auth.verify(token), refusal('unauthenticated'));
    assert.deepEqual(tenantKeys.asked, ['globex']);
  });

  it("refuses another tenant's secret under the tenant's own kid", async () => {
    const token = await tenantKeyToken('globex', 'alice', { kid: 'g1', secret: ACME_SECRET });

    await assert.rejects(auth.verify(token), refusal('unauthenticated'));
  });

  it('does not fall back to the deployment-wide key for a kid the tenant does not have', async () => {
    const token = await userToken('acme', 'alice', { kid: 'unknown', key: DEPLOYMENT_SECRET });

    await assert.rejects(auth.verify(token), refusal('unauthenticated'));
  });

  it('looks nothing up for a token whose tenant claim is not a slug', async () => {
    const token = await tenantKeyToken('Not A Slug', 'alice', { kid: 'a1', secret: ACME_SECRET });

    await assert.rejects(auth.verify(token), refusal('unauthenticated'));
    assert.deepEqual(tenantKeys.asked, []);
  });

  it('verifies a token without kid with the deployment-wide key', async () => {
    const user = await auth.verify(await userToken('acme', 'alice', { key: DEPLOYMENT_SECRET }));

    assert.equal(user.userId, 'alice');
  });

  it('refuses a token without kid where no deployment-wide key is configured', async () => {
    const perTenantOnly = new JwtAuthenticator({ tenantKeys });

    const token = await userToken('acme', 'alice', { key: ACME_SECRET });

    await assert.rejects(perTenantOnly.verify(token), refusal('unauthenticated'));
  });

  it('answers token_expired for an expired token of a valid key', async () => {
    const token = await tenantKeyToken(
      'acme',
      'alice',
      { kid: 'a1', secret: ACME_SECRET },
      { expiresIn: -60 },
    );

    await assert.rejects(auth.verify(token), refusal('token_expired'));
  });
});
