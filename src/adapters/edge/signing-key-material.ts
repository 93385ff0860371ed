import { createPublicKey, createSecretKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { ValidationError } from '../../domain/shared/domain-error';
import type { SigningAlgorithm } from '../../domain/tenant/signing-key';
import type { VerificationKey } from './tenant-key-cache';

/** A public key the host registers: PEM text, or a JWK object. */
export type PublicKeyInput = string | Record<string, unknown>;

export interface CheckedPublicKey {
  /** SPKI PEM, whatever form it came in. */
  pem: string;
  /** The JWK's own `kid`, if it has one. */
  kid?: string;
}

const KEY_TYPE = { RS256: 'rsa', ES256: 'ec' } as const;

/**
 * Checks a public key for `alg` and returns it as SPKI PEM: a PEM `PUBLIC KEY` (or `RSA PUBLIC KEY`),
 * or a public JWK; RS256 takes an RSA key of 2048 bits or more, ES256 a P-256 key. Private keys are
 * refused (node would happily derive a public key from one, and the host would have sent its secret).
 * @throws ValidationError on `public_key`.
 */
export function checkedPublicKey(alg: 'RS256' | 'ES256', input: PublicKeyInput): CheckedPublicKey {
  const { key, kid } =
    typeof input === 'string' ? { key: fromPem(input), kid: undefined } : fromJwk(alg, input);
  if (key.asymmetricKeyType !== KEY_TYPE[alg]) refuse(`an ${alg} key must be ${KEY_TYPE[alg].toUpperCase()}`);
  const details = key.asymmetricKeyDetails ?? {};
  if (alg === 'RS256' && (details.modulusLength ?? 0) < 2048)
    refuse('an RS256 key must have 2048 bits or more');
  if (alg === 'ES256' && details.namedCurve !== 'prime256v1')
    refuse('an ES256 key must be on the P-256 curve');
  return { pem: key.export({ type: 'spki', format: 'pem' }).toString(), kid };
}

/** The key that verifies tokens of a stored key: an HS256 secret's UTF-8 bytes (as JWT_SECRET's), or the public key. */
export function verificationKey(
  alg: SigningAlgorithm,
  material: { secret: string | null; publicKey: string | null },
): KeyObject {
  if (alg === 'HS256') return createSecretKey(Buffer.from(material.secret ?? '', 'utf8'));
  return createPublicKey(material.publicKey ?? '');
}

/** A tenant's stored keys as the verifier uses them, by kid. */
export function verificationKeys(
  stored: ReadonlyArray<{
    kid: string;
    alg: SigningAlgorithm;
    secret: string | null;
    publicKey: string | null;
  }>,
): ReadonlyMap<string, VerificationKey> {
  return new Map(stored.map((key) => [key.kid, { alg: key.alg, key: verificationKey(key.alg, key) }]));
}

function fromPem(pem: string): KeyObject {
  const text = pem.replace(/\\n/g, '\n').trim();
  if (!/^-----BEGIN (RSA )?PUBLIC KEY-----/.test(text))
    refuse('a PEM public key starts with -----BEGIN PUBLIC KEY-----');
  try {
    return createPublicKey(text);
  } catch {
    return refuse('the PEM public key cannot be read');
  }
}

function fromJwk(alg: string, jwk: Record<string, unknown>): { key: KeyObject; kid?: string } {
  if ('d' in jwk || jwk.kty === 'oct') refuse('send the public JWK, without its private part');
  if (jwk.alg !== undefined && jwk.alg !== alg) refuse(`the JWK's alg is not ${alg}`);
  if (jwk.use !== undefined && jwk.use !== 'sig') refuse('the JWK is not a signing key (use)');
  if (jwk.kid !== undefined && typeof jwk.kid !== 'string') refuse("the JWK's kid must be a string");
  try {
    return {
      key: createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' }),
      kid: jwk.kid as string | undefined,
    };
  } catch {
    return refuse('the JWK cannot be read as a public key');
  }
}

function refuse(message: string): never {
  throw new ValidationError(message, { field: 'public_key' });
}
