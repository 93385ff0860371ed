import { DomainError } from '../../domain/shared/domain-error';
import { replyFor } from '../errors/error-mapping';
import type { Logger } from '../logging/logger';

/** The contract's error object, as in REST bodies, socket acks and connect errors. */
export interface ErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export type AckReply = { ok: true } & Record<string, unknown>;
export type AckFailure = { ok: false; error: ErrorBody };

/** Redis (subscriptions, presence) did not answer in time: the client should retry. */
export class RealtimeUnavailableError extends DomainError {
  readonly code = 'service_unavailable';
  readonly kind = 'unavailable';
}

export function failure(code: string, message: string, details?: Record<string, unknown>): AckFailure {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}

/**
 * The contract's error object for a socket ack or handshake refusal, by the mapping REST uses too
 * (errors/error-mapping.ts), so one cause gives one code on both edges. An unexpected error is
 * logged here and answered `internal_error` (no stack trace leaves the process).
 */
export function describeError(error: unknown, logger: Logger, context: Record<string, unknown>): ErrorBody {
  const { status, code, message, details } = replyFor(error);
  if (status === 500) logger.error({ err: error, ...context }, 'socket operation failed');
  return details ? { code, message, details } : { code, message };
}

/** A handshake refusal: the client's `connect_error` gets `err.message` = code, `err.data` = {code, message}. */
export function connectError(body: ErrorBody): Error & { data: ErrorBody } {
  return Object.assign(new Error(body.code), { data: { code: body.code, message: body.message } });
}
