import { DomainError } from '../../domain/shared/domain-error';
import { errorObject, type ErrorObject } from '../edge/edge-error';
import { replyFor } from '../edge/error-mapping';
import type { Logger } from '../logging/logger';

export type AckReply = { ok: true } & Record<string, unknown>;
export type AckFailure = { ok: false; error: ErrorObject };

/** Redis (subscriptions, presence) did not answer in time: the client should retry. */
export class RealtimeUnavailableError extends DomainError {
  readonly code = 'service_unavailable';
  readonly kind = 'unavailable';
}

export function failure(code: string, message: string, details?: Record<string, unknown>): AckFailure {
  return { ok: false, error: errorObject(code, message, details) };
}

/**
 * The contract's error object for a socket ack or handshake refusal, by the mapping REST uses too
 * (edge/error-mapping.ts), so one cause gives one code on both edges. An unexpected error is
 * logged here and answered `internal_error` (no stack trace leaves the process).
 */
export function describeError(error: unknown, logger: Logger, context: Record<string, unknown>): ErrorObject {
  const { status, code, message, details } = replyFor(error);
  if (status === 500) logger.error({ err: error, ...context }, 'socket operation failed');
  return errorObject(code, message, details);
}

/** A handshake refusal: the client's `connect_error` gets `err.message` = code, `err.data` = {code, message}. */
export function connectError(body: ErrorObject): Error & { data: ErrorObject } {
  return Object.assign(new Error(body.code), { data: { code: body.code, message: body.message } });
}
