/**
 * The contract's error codes and the HTTP status each one carries (docs/contract.md, "Errors";
 * `tenant_exists` from the admin API). REST answers the status, sockets ack the code alone; the
 * OpenAPI document groups each route's codes by it.
 */
export const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  validation_error: 400,
  invalid_json: 400,
  unauthenticated: 401,
  token_expired: 401,
  forbidden: 403,
  tenant_mismatch: 403,
  tenant_suspended: 403,
  insufficient_role: 403,
  tenant_not_found: 404,
  channel_not_found: 404,
  message_not_found: 404,
  not_found: 404,
  conflict: 409,
  tenant_exists: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
};
