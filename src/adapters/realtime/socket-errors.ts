import { DomainError } from '../../domain/shared/domain-error';
import { HttpError } from '../http/http-error';
import type { Logger } from '../logging/logger';
import { isMongoUnavailable } from '../persistence/mongo/mongo-errors';

/** The contract's error object, as in REST bodies, socket acks and connect errors. */
export interface ErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export type AckReply = { ok: true } & Record<string, unknown>;
export type AckFailure = { ok: false; error: ErrorBody };

/** Redis (subscriptions, presence) did not answer in time: the client should retry. */
export class RealtimeUnavailableError extends Error {
  readonly code = 'service_unavailable';
}

export function failure(code: string, message: string, details?: Record<string, unknown>): AckFailure {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}

/**
 * The one place that turns an error into the contract's code for sockets: domain errors keep their
 * code, an unreachable MongoDB is `service_unavailable`, anything else a logged `internal_error`
 * (no stack trace leaves the process).
 */
export function describeError(error: unknown, logger: Logger, context: Record<string, unknown>): ErrorBody {
  // HttpError: the REST budgets (rate_limited) that socket commands share.
  if (error instanceof DomainError || error instanceof HttpError) {
    const { code, message, details } = error;
    return details ? { code, message, details } : { code, message };
  }
  if (isMongoUnavailable(error))
    return { code: 'service_unavailable', message: 'the database is unreachable' };
  logger.error({ err: error, ...context }, 'socket operation failed');
  return { code: 'internal_error', message: 'internal error' };
}

/** A handshake refusal: the client's `connect_error` gets `err.message` = code, `err.data` = {code, message}. */
export function connectError(body: ErrorBody): Error & { data: ErrorBody } {
  return Object.assign(new Error(body.code), { data: { code: body.code, message: body.message } });
}
