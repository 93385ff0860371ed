/**
 * The kinds a domain error can be. Adapters map a kind to a transport status
 * (HTTP status, socket ack, job retry policy) in one place each.
 */
export type ErrorKind =
  'validation' | 'not_found' | 'conflict' | 'forbidden' | 'unauthenticated' | 'unavailable' | 'rate_limited';

/**
 * Base class of every error the domain and the use cases throw on purpose.
 * `code` is the stable machine-readable code of docs/contract.md ("channel_not_found", …).
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: ErrorKind;

  constructor(
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  readonly code = 'validation_error';
  readonly kind = 'validation';
}

export class NotFoundError extends DomainError {
  readonly code: string = 'not_found';
  readonly kind = 'not_found';
}

export class ConflictError extends DomainError {
  readonly code: string = 'conflict';
  readonly kind = 'conflict';
}

export class ForbiddenError extends DomainError {
  readonly code: string = 'forbidden';
  readonly kind = 'forbidden';
}

/** Too soon: `details.retry_after_seconds` says when the same request would be let in. */
export class RateLimitedError extends DomainError {
  readonly code = 'rate_limited';
  readonly kind = 'rate_limited';

  constructor(message: string, details: { scope: string; retry_after_seconds: number }) {
    super(message, details);
  }
}
