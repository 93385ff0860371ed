import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { errorResponse } from './chat-response.schemas';
import type { Endpoint } from './endpoint';
import { errorExamples } from './error-examples';

/** A contribution to the OpenAPI document: registers some routes (each area documents its own). */
export type ApiDocs = (registry: OpenAPIRegistry) => void;

export const USER_TOKEN = 'userToken';
export const ADMIN_TOKEN = 'adminToken';

/** The contract's error codes and their statuses (docs/contract.md, "Errors"). */
const STATUS_OF_CODE: Record<string, number> = {
  validation_error: 400,
  invalid_json: 400,
  unauthenticated: 401,
  token_expired: 401,
  forbidden: 403,
  tenant_mismatch: 403,
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

/** What every chat route can answer, whatever it does. */
const CHAT_ERRORS = [
  'validation_error',
  'unauthenticated',
  'token_expired',
  'tenant_mismatch',
  'tenant_not_found',
];
const BODY_ERRORS = ['invalid_json', 'payload_too_large', 'unsupported_media_type'];
const ALWAYS = ['rate_limited', 'internal_error', 'service_unavailable'];

/** The whole document: OpenAPI 3.1, generated from the zod schemas the validators use. */
export function buildOpenApiDocument(
  contributions: readonly ApiDocs[],
): ReturnType<OpenApiGeneratorV31['generateDocument']> {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', USER_TOKEN, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  registry.registerComponent('securitySchemes', ADMIN_TOKEN, {
    type: 'http',
    scheme: 'bearer',
    description: 'the ADMIN_TOKEN of the deployment',
  });
  for (const contribute of contributions) contribute(registry);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Chat backend API',
      version: '1.0.0',
      description:
        'Multi-tenant chat: REST for commands and history. JSON in and out, snake_case; a trailing slash ' +
        'is optional on every path. Errors are `{"error": {code, message, details?}}`.',
    },
  });
}

/** Documents chat endpoints mounted at `mount` (an Express pattern such as `/api/chat/:tenant`). */
export function endpointDocs(
  mount: string,
  endpoints: readonly Endpoint[],
  tenantParams: z.ZodObject,
): ApiDocs {
  return (registry) => {
    for (const e of endpoints) {
      const params = e.params ? tenantParams.extend((e.params as z.ZodObject).shape) : tenantParams;
      registry.registerPath({
        method: e.method,
        path: openApiPath(`${mount}${e.path}`),
        tags: [e.tag],
        summary: e.summary,
        description: e.description,
        security: [{ [USER_TOKEN]: [] }],
        request: {
          params,
          query: e.query as z.ZodObject | undefined,
          body: e.body ? { required: true, content: { 'application/json': { schema: e.body } } } : undefined,
        },
        responses: {
          ...jsonResponses(e.responses),
          ...errorResponses([...CHAT_ERRORS, ...(e.body ? BODY_ERRORS : []), ...e.errors, ...ALWAYS]),
        },
      });
    }
  };
}

/** `/api/chat/:tenant/channels/:id` → `/api/chat/{tenant}/channels/{id}/` (the contract writes the slash). */
export function openApiPath(expressPath: string): string {
  return `${expressPath.replace(/:([A-Za-z_]+)/g, '{$1}').replace(/\/$/, '')}/`;
}

export function jsonResponses(responses: Record<number, { description: string; schema: z.ZodType }>) {
  const out: RouteConfig['responses'] = {};
  for (const [status, { description, schema }] of Object.entries(responses)) {
    out[status] = { description, content: { 'application/json': { schema } } };
  }
  return out;
}

/** One response per status, listing the codes that status can carry. */
export function errorResponses(codes: readonly string[]): RouteConfig['responses'] {
  const byStatus = new Map<number, Set<string>>();
  for (const code of codes) {
    const status = STATUS_OF_CODE[code];
    if (status === undefined) throw new Error(`undocumented error code ${code}`);
    byStatus.set(status, (byStatus.get(status) ?? new Set()).add(code));
  }
  const out: RouteConfig['responses'] = {};
  for (const [status, set] of [...byStatus].sort(([a], [b]) => a - b)) {
    out[status] = {
      description: `error: ${[...set].map((c) => `\`${c}\``).join(', ')}`,
      content: { 'application/json': { schema: errorResponse, examples: errorExamples([...set]) } },
    };
  }
  return out;
}
