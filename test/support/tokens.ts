import { generateKeyPairSync } from 'node:crypto';
import { importPKCS8, SignJWT } from 'jose';
import { TEST_JWT_SECRET } from './test-env';

/*
 * User tokens for tests: valid ones by default, and the broken or hostile ones a client could send
 * (expired, unsigned, algorithm confusion, missing claims). Claims follow docs/contract.md: sub, tenant,
 * exp required; name and user_type optional.
 */

export interface TokenOptions {
  name?: string;
  userType?: 'internal' | 'guest';
  /** Seconds from now; negative for an expired token; null for no `exp` at all. */
  expiresIn?: number | null;
  /** HS256 secret (default: the test secret) or, with `alg: 'RS256'` or `'ES256'`, a PEM private key. */
  key?: string;
  alg?: 'HS256' | 'RS256' | 'ES256';
  /** The `kid` header: the token is then verified with that key of its tenant. */
  kid?: string;
  issuer?: string;
  audience?: string;
}

export async function userToken(tenant: string, userId: string, options: TokenOptions = {}): Promise<string> {
  const claims: Record<string, unknown> = { tenant };
  if (options.name !== undefined) claims.name = options.name;
  if (options.userType !== undefined) claims.user_type = options.userType;
  const alg = options.alg ?? 'HS256';
  const header = { alg, typ: 'JWT', ...(options.kid === undefined ? {} : { kid: options.kid }) };
  const jwt = new SignJWT(claims).setProtectedHeader(header).setSubject(userId).setIssuedAt();
  const expiresIn = options.expiresIn === undefined ? 3600 : options.expiresIn;
  if (expiresIn !== null) jwt.setExpirationTime(Math.floor(Date.now() / 1000) + expiresIn);
  if (options.issuer) jwt.setIssuer(options.issuer);
  if (options.audience) jwt.setAudience(options.audience);
  const key = options.key ?? TEST_JWT_SECRET;
  return jwt.sign(alg === 'HS256' ? new TextEncoder().encode(key) : await importPKCS8(key, alg));
}

/** A token signed with one of a tenant's own keys: its `kid`, and its HS256 secret or private key. */
export function tenantKeyToken(
  tenant: string,
  userId: string,
  key: { kid: string; secret: string; alg?: 'HS256' | 'RS256' | 'ES256' },
  options: TokenOptions = {},
): Promise<string> {
  return userToken(tenant, userId, { ...options, kid: key.kid, key: key.secret, alg: key.alg ?? 'HS256' });
}

/** An unsigned token (`alg: none`) with otherwise valid claims. */
export function unsignedToken(tenant: string, userId: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const exp = Math.floor(Date.now() / 1000) + 3600;
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: userId, tenant, exp })}.`;
}

/** A fresh ES256 (P-256) key pair in PEM (SPKI public key, PKCS#8 private key). */
export function ecKeyPair(): { publicKey: string; privateKey: string } {
  return generateKeyPairSync('ec', {
    namedCurve: 'prime256v1',
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

/** A fresh RS256 key pair in PEM (SPKI public key, PKCS#8 private key). */
export function rsaKeyPair(): { publicKey: string; privateKey: string } {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}
