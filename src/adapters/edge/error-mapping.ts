import { DomainError, type ErrorKind } from '../../domain/shared/domain-error';
import { EdgeError } from './edge-error';
import { isMongoUnavailable } from '../persistence/mongo/mongo-errors';

/** What an edge answers for an error: HTTP sends status, headers and body; a socket acks code, message, details. */
export interface ErrorReply {
  status: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
  headers: Record<string, string>;
}

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
  rate_limited: 429,
};

const UNAVAILABLE: ErrorReply = {
  status: 503,
  code: 'service_unavailable',
  message: 'a backing service is unavailable; retry shortly',
  headers: { 'Retry-After': '2' },
};

const INTERNAL: ErrorReply = { status: 500, code: 'internal_error', message: 'internal error', headers: {} };

/**
 * The one mapping from an error to the contract's code and status, shared by the HTTP error handler
 * and by socket acks and handshakes, so one cause gives one code on both edges: domain errors by kind,
 * the edges' own errors (EdgeError: input, limits) as raised, MongoDB, Redis, the job queue or the
 * real-time layer unreachable as 503 `service_unavailable`, anything else 500 `internal_error`
 * (which the edge logs; nothing of it reaches the client).
 */
export function replyFor(error: unknown): ErrorReply {
  if (error instanceof EdgeError) {
    const { status, code, message, details, headers } = error;
    return { status, code, message, details, headers };
  }
  if (error instanceof DomainError) {
    const { code, message } = error;
    const headers: Record<string, string> =
      error.kind === 'unauthenticated'
        ? { 'WWW-Authenticate': 'Bearer' }
        : error.kind === 'unavailable'
          ? UNAVAILABLE.headers
          : error.kind === 'rate_limited'
            ? { 'Retry-After': String(error.details?.retry_after_seconds) }
            : {};
    return { status: STATUS_BY_KIND[error.kind], code, message, details: detailsOf(error), headers };
  }
  if (isMongoUnavailable(error) || isRedisUnavailable(error)) return UNAVAILABLE;
  return INTERNAL;
}

/**
 * A domain validation error names its field as `details.field`; the reply also lists it in
 * `details.fields`, the shape of the schema validators' errors, so clients read one format.
 */
function detailsOf(error: DomainError): Record<string, unknown> | undefined {
  const field = error.details?.field;
  if (error.kind !== 'validation' || typeof field !== 'string') return error.details;
  return { ...error.details, fields: [{ field, message: error.message }] };
}

/**
 * ioredis without an offline queue rejects at once while disconnected; BullMQ surfaces the same. On
 * a Redis Cluster, a master that died gives `Too many Cluster redirections` once the client's
 * retries are spent (the failover is not over), and a cluster without a majority `CLUSTERDOWN`.
 */
export function isRedisUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'QueueUnavailableError' || error.name === 'ClusterAllFailedError') return true;
  return REDIS_UNAVAILABLE.test(error.message);
}

const REDIS_UNAVAILABLE = new RegExp(
  [
    "Stream isn't writeable",
    'Connection is closed',
    'ECONNREFUSED',
    'Reached the max retries per request',
    'enableOfflineQueue',
    'Too many Cluster redirections',
    'CLUSTERDOWN',
    'TRYAGAIN',
    'None of startup nodes is available',
    'Failed to refresh slots cache',
  ].join('|'),
  'i',
);
