import { ValidationError } from '../shared/domain-error';

/**
 * The algorithms a tenant's signing key may use: HS256 with a secret the server generates, RS256 and
 * ES256 with a public key the host registers (its private key never leaves the host).
 */
export const SIGNING_ALGORITHMS = ['HS256', 'RS256', 'ES256'] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

/** A key id: what a token's `kid` header names; letters, digits, `.`, `_`, `-`, 1-64 characters. */
export const KEY_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** A key of one tenant, as the registry lists it: never its secret. */
export interface SigningKey {
  tenant: string;
  kid: string;
  alg: SigningAlgorithm;
  created_at: Date;
  /** When it stopped verifying tokens; null while it is valid. */
  revoked_at: Date | null;
  /** The public key (PEM, SPKI) of an RS256 or ES256 key; null for HS256. */
  public_key: string | null;
}

/** A new HS256 key with its secret: shown once, to whoever created it, then never again. */
export interface IssuedSigningKey {
  key: SigningKey;
  secret: string;
}

/** Checks a key id the host chose. */
export function keyId(raw: string): string {
  if (!KEY_ID_PATTERN.test(raw)) {
    throw new ValidationError(`kid must match ${KEY_ID_PATTERN.source}`, { field: 'kid' });
  }
  return raw;
}
