import type { ErrorKind } from '../../domain/shared/domain-error';
import { DomainError } from '../../domain/shared/domain-error';

/** An error raised by the HTTP adapter itself (auth, parsing, limits), with the contract's code. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
};

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

export function statusOf(error: DomainError): number {
  return STATUS_BY_KIND[error.kind];
}

export function errorBody(code: string, message: string, details?: Record<string, unknown>): ErrorBody {
  return { error: details ? { code, message, details } : { code, message } };
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
