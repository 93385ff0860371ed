import assert from 'node:assert/strict';
import type { TestApi } from './test-api';
import { TEST_ADMIN_TOKEN } from './test-env';

/** A tenant key as the admin API answers it when created (the secret only for HS256). */
export interface IssuedKey {
  kid: string;
  alg: 'HS256' | 'RS256' | 'ES256';
  secret: string;
}

const admin = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

/** Creates a tenant through the admin API (on a node with TENANT_KEYS_SECRET) and returns its first key. */
export async function createTenantWithKey(
  api: TestApi,
  slug: string,
): Promise<{ tenant: string; key: IssuedKey }> {
  const res = await api.http.post('/api/admin/tenants').set(admin).send({ slug, name: slug });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.ok(res.body.signing_key, 'the node issues HS256 keys (TENANT_KEYS_SECRET)');
  return { tenant: slug, key: res.body.signing_key as IssuedKey };
}

/** Adds an HS256 key to the tenant and returns it with its secret. */
export async function addSecretKey(api: TestApi, tenant: string): Promise<IssuedKey> {
  const res = await api.http.post(`/api/admin/tenants/${tenant}/keys`).set(admin).send({ alg: 'HS256' });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body as IssuedKey;
}

/** Revokes the key through the admin API. */
export async function revokeKey(api: TestApi, tenant: string, kid: string): Promise<void> {
  const res = await api.http.delete(`/api/admin/tenants/${tenant}/keys/${kid}`).set(admin);
  assert.equal(res.status, 200, JSON.stringify(res.body));
}

/** The admin API, authenticated: `adminRequest(api).get(path)`. */
export function adminRequest(api: TestApi) {
  return {
    get: (path: string) => api.http.get(path).set(admin),
    post: (path: string, body: object) => api.http.post(path).set(admin).send(body),
    delete: (path: string) => api.http.delete(path).set(admin),
  };
}
