import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logging/logger';
import { isMongoUnavailable } from '../persistence/mongo/mongo-errors';
import type { DomainError } from '../../domain/shared/domain-error';
import { HttpError, errorBody, isDomainError, statusOf } from './http-error';

/** 404 in the contract's format for every route nobody serves. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `no route for ${req.method} ${req.path}`));
};

/** Express's body parser reports its failures with these `type`s. */
const BODY_PARSER_ERRORS: Record<string, [number, string, string]> = {
  'entity.parse.failed': [400, 'invalid_json', 'the request body is not valid JSON'],
  'entity.too.large': [413, 'payload_too_large', 'the request body is too large'],
  'encoding.unsupported': [415, 'unsupported_media_type', 'unsupported content encoding'],
  'charset.unsupported': [415, 'unsupported_media_type', 'unsupported charset'],
};

/**
 * The one place that turns an error into a response: domain errors by kind, transport errors by
 * code, infrastructure outages as 503, anything else as a logged 500 without details.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const { status, body, headers } = describe(error);
    if (status >= 500) {
      logger.error(
        { err: error, method: req.method, path: req.path, tenant: req.params?.tenant },
        'request failed',
      );
    }
    res.set(headers).status(status).json(body);
  };
}

function describe(error: unknown): {
  status: number;
  body: ReturnType<typeof errorBody>;
  headers: Record<string, string>;
} {
  if (error instanceof HttpError) {
    return {
      status: error.status,
      body: errorBody(error.code, error.message, error.details),
      headers: error.headers,
    };
  }
  if (isDomainError(error)) {
    return {
      status: statusOf(error),
      body: errorBody(error.code, error.message, detailsOf(error)),
      headers: error.kind === 'unauthenticated' ? { 'WWW-Authenticate': 'Bearer' } : {},
    };
  }
  const type = (error as { type?: string } | null)?.type;
  if (type && BODY_PARSER_ERRORS[type]) {
    const [status, code, message] = BODY_PARSER_ERRORS[type];
    return { status, body: errorBody(code, message), headers: {} };
  }
  if (isMongoUnavailable(error) || isRedisUnavailable(error)) {
    return {
      status: 503,
      body: errorBody('service_unavailable', 'a backing service is unavailable; retry shortly'),
      headers: { 'Retry-After': '2' },
    };
  }
  return { status: 500, body: errorBody('internal_error', 'internal error'), headers: {} };
}

/**
 * A domain validation error names its field as `details.field`; the reply also lists it in
 * `details.fields`, the shape of the HTTP validator's errors, so clients read one format.
 */
function detailsOf(error: DomainError): Record<string, unknown> | undefined {
  const field = error.details?.field;
  if (error.kind !== 'validation' || typeof field !== 'string') return error.details;
  return { ...error.details, fields: [{ field, message: error.message }] };
}

/** ioredis without an offline queue rejects at once while disconnected; BullMQ surfaces the same. */
export function isRedisUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'QueueUnavailableError') return true;
  return /Stream isn't writeable|Connection is closed|ECONNREFUSED|Reached the max retries per request|enableOfflineQueue/i.test(
    error.message,
  );
}
