import { DomainError } from '../../domain/shared/domain-error';

/** The caller could not be authenticated: no token, a bad one, or an expired one. */
export class AuthenticationError extends DomainError {
  readonly kind = 'unauthenticated';

  constructor(
    readonly code: 'unauthenticated' | 'token_expired',
    message: string,
  ) {
    super(message);
  }
}

/** The token is valid but names another tenant than the one addressed. */
export class TenantMismatchError extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'tenant_mismatch';

  constructor() {
    super("the token's tenant does not match the tenant in the path");
  }
}
