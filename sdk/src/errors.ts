/**
 * The contract's error codes (docs/contract.md, "Errors"): REST answers carry them with their HTTP
 * status, socket acks and refused handshakes carry the code alone.
 */
export const CHAT_ERROR_CODES = [
  'validation_error',
  'invalid_json',
  'unauthenticated',
  'token_expired',
  'forbidden',
  'tenant_mismatch',
  'tenant_suspended',
  'insufficient_role',
  'tenant_not_found',
  'channel_not_found',
  'message_not_found',
  'not_found',
  'conflict',
  'tenant_exists',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal_error',
  'service_unavailable',
] as const;

/** One of the contract's error codes. */
export type ChatErrorCode = (typeof CHAT_ERROR_CODES)[number];

/** The contract's error object: `{code, message, details?}`. */
export interface ChatErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** Codes worth retrying as they are: the server or its budget will accept the same call later. */
const TRANSIENT: ReadonlySet<string> = new Set(['rate_limited', 'service_unavailable', 'internal_error']);

/**
 * An error the server answered: a REST reply with `{"error": {...}}`, a socket ack with
 * `ok: false`, or a refused handshake. `code` is the contract's; `status` is the HTTP status
 * (undefined for socket errors).
 */
export class ChatError extends Error {
  override readonly name = 'ChatError';
  /** The contract's code, e.g. `channel_not_found`. */
  readonly code: ChatErrorCode;
  /** HTTP status of a REST reply; undefined on sockets. */
  readonly status: number | undefined;
  /** The error's `details` (`fields` for validation_error, `retry_after_seconds` for rate_limited). */
  readonly details: Record<string, unknown> | undefined;

  constructor(body: ChatErrorBody, status?: number) {
    super(body.message);
    this.code = toCode(body.code);
    this.status = status;
    this.details = body.details;
  }

  /** True when the same request may succeed later unchanged (rate limit, outage, server fault). */
  get transient(): boolean {
    return TRANSIENT.has(this.code);
  }
}

/** The network failed before the server answered (offline, connection refused or cut). */
export class ChatNetworkError extends Error {
  override readonly name = 'ChatNetworkError';
}

/** The AbortError a cancelled operation rejects with: the signal's reason when it has one. */
export function abortReason(
  signal: AbortSignal | undefined,
  fallback = 'the operation was aborted',
): unknown {
  return signal?.reason ?? new DOMException(fallback, 'AbortError');
}

function toCode(code: string): ChatErrorCode {
  // A code this SDK does not know yet is reported as the generic one of its kind.
  return (CHAT_ERROR_CODES as readonly string[]).includes(code) ? (code as ChatErrorCode) : 'internal_error';
}
