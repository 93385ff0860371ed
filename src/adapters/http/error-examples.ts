import type { ErrorBody } from '../edge/edge-error';

/*
 * One example reply per error code, as the server words it, for the OpenAPI document: each error
 * response shows the codes its own status carries (a shared example on the Error schema would show
 * one code under every status).
 */
const EXAMPLES: Record<string, Pick<ErrorBody['error'], 'message' | 'details'>> = {
  validation_error: {
    message: 'invalid body: name: Invalid input: expected string, received number',
    details: { fields: [{ field: 'name', message: 'Invalid input: expected string, received number' }] },
  },
  invalid_json: { message: 'the request body is not valid JSON' },
  unauthenticated: { message: 'a bearer token is required' },
  token_expired: { message: 'the token has expired' },
  forbidden: { message: 'only the author may edit this message', details: { action: 'edit' } },
  tenant_mismatch: { message: "the token's tenant does not match the tenant in the path" },
  insufficient_role: {
    message: 'adding participants needs the admin role',
    details: { action: 'adding participants', required_role: 'admin' },
  },
  tenant_not_found: { message: 'tenant "acme" does not exist' },
  tenant_suspended: { message: 'tenant "acme" is suspended' },
  channel_not_found: { message: 'channel not found' },
  message_not_found: { message: 'message not found', details: { message_id: 42 } },
  not_found: { message: 'participant not found', details: { user_id: 'bob' } },
  conflict: { message: 'the message was deleted', details: { message_id: 42 } },
  tenant_exists: { message: 'tenant "acme" already exists' },
  payload_too_large: { message: 'the request body is too large' },
  unsupported_media_type: { message: 'send the body as application/json' },
  rate_limited: {
    message: 'too many requests for this user; retry in 12 s',
    details: { scope: 'user', retry_after_seconds: 12 },
  },
  internal_error: { message: 'internal error' },
  service_unavailable: { message: 'a backing service is unavailable; retry shortly' },
};

/** OpenAPI `examples` of a response: one per code, named by it. */
export function errorExamples(
  codes: readonly string[],
): Record<string, { summary: string; value: ErrorBody }> {
  return Object.fromEntries(
    codes.map((code) => {
      const example = EXAMPLES[code];
      if (!example) throw new Error(`no example for error code ${code}`);
      return [code, { summary: code, value: { error: { code, ...example } } }];
    }),
  );
}
