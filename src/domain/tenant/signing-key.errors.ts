import { ConflictError, ForbiddenError, NotFoundError } from '../shared/domain-error';

/** The tenant has no key with that id. */
export class SigningKeyNotFoundError extends NotFoundError {
  constructor(kid: string) {
    super(`the tenant has no signing key "${kid}"`, { kid });
  }
}

/** The tenant already has a key with that id (revoked ones included: a kid names one key forever). */
export class SigningKeyExistsError extends ConflictError {
  constructor(kid: string) {
    super(`the tenant already has a signing key "${kid}"`, { kid });
  }
}

/**
 * The deployment stores no secrets: without TENANT_KEYS_SECRET it cannot encrypt an HS256 secret at
 * rest, so it issues none (hosts register RS256 or ES256 public keys instead).
 */
export class SecretKeysDisabledError extends ForbiddenError {
  constructor() {
    super(
      'this deployment issues no HS256 tenant keys (TENANT_KEYS_SECRET is not set); register an RS256 or ES256 public key',
    );
  }
}
