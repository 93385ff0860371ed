import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { STATUS_OF_CODE } from '../edge/error-codes';
import { errorResponse } from './chat-response.schemas';
import type { EndpointApi } from './endpoint';
import { errorExamples } from './error-examples';

/** A contribution to the OpenAPI document: registers some routes (each area documents its own). */
export type ApiDocs = (registry: OpenAPIRegistry) => void;

export const USER_TOKEN = 'userToken';
export const ADMIN_TOKEN = 'adminToken';

/** What a route that takes a body can answer besides its API's errors (the body parser's and the schema's). */
const BODY_ERRORS = ['validation_error', 'invalid_json', 'payload_too_large', 'unsupported_media_type'];

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

/** Documents the endpoints of an API, each with its mount's parameters, its API's token and errors. */
export function endpointDocs<C extends object>(api: EndpointApi<C>): ApiDocs {
  return (registry) => {
    for (const e of api.endpoints) {
      const own = e.params as z.ZodObject | undefined;
      const params = api.mountParams && own ? api.mountParams.extend(own.shape) : (api.mountParams ?? own);
      registry.registerPath({
        method: e.method,
        path: openApiPath(`${api.mount}${e.path}`),
        tags: [e.tag],
        summary: e.summary,
        description: e.description,
        security: api.security ? [{ [api.security]: [] }] : [],
        request: {
          params,
          query: e.query as z.ZodObject | undefined,
          body: e.body ? { required: true, content: { 'application/json': { schema: e.body } } } : undefined,
        },
        responses: {
          ...jsonResponses(e.responses),
          ...errorResponses([
            ...api.errors,
            ...(e.params || e.query ? ['validation_error'] : []),
            ...(e.body ? BODY_ERRORS : []),
            ...e.errors,
          ]),
        },
      });
    }
  };
}

/** `/api/chat/:tenant/channels/:id` → `/api/chat/{tenant}/channels/{id}/` (the contract writes the slash). */
export function openApiPath(expressPath: string): string {
  return `${expressPath.replace(/:([A-Za-z_]+)/g, '{$1}').replace(/\/$/, '')}/`;
}

export function jsonResponses(
  responses: Record<number, { description: string; schema: z.ZodType; contentType?: string }>,
) {
  const out: RouteConfig['responses'] = {};
  for (const [status, { description, schema, contentType }] of Object.entries(responses)) {
    out[status] = { description, content: { [contentType ?? 'application/json']: { schema } } };
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
