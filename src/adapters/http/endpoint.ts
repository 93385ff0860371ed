import type { Response, Router } from 'express';
import { z } from 'zod';
import type { AuthenticatedUser } from '../auth/jwt-authenticator';
import type { TenantUseCases } from '../tenancy/tenant-context';
import { noParams, noQuery } from './chat-request.schemas';
import { parseBody, parseWith } from './validation';

export type HttpMethod = 'get' | 'post' | 'patch' | 'delete';

/** Who is calling and their tenant's use cases, resolved by the chat router's middleware. */
export interface ChatRequestContext {
  caller: AuthenticatedUser;
  useCases: TenantUseCases;
}

export interface EndpointInput<P, Q, B> extends ChatRequestContext {
  params: P;
  query: Q;
  body: B;
}

export interface Reply {
  status: number;
  body: unknown;
}

/** A documented response: its description and, for JSON replies, the schema of the body. */
export interface ResponseDoc {
  description: string;
  schema: z.ZodType;
}

/**
 * One route of the chat API, declared once: the router validates with these schemas and the
 * OpenAPI document is generated from the same declaration, so the two cannot disagree.
 */
export interface Endpoint<P = unknown, Q = unknown, B = unknown> {
  method: HttpMethod;
  /** Express pattern under the chat mount, e.g. `/channels/:id/messages`; a trailing slash is optional. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  responses: Record<number, ResponseDoc>;
  /** Error codes this route can answer besides those of every chat route (auth, tenant, validation, limits). */
  errors: string[];
  handle(input: EndpointInput<P, Q, B>): Promise<Reply>;
}

/** Declares an endpoint with its input types inferred from its schemas. */
export function endpoint<P = Record<string, never>, Q = Record<string, never>, B = Record<string, never>>(
  definition: Endpoint<P, Q, B>,
): Endpoint {
  return definition as unknown as Endpoint;
}

const noBody = z.strictObject({});

/** Adds each endpoint to the router: parse params, query and body, call the handler, send its reply. */
export function mountEndpoints(router: Router, endpoints: readonly Endpoint[]): void {
  for (const e of endpoints) {
    router[e.method](e.path, async (req, res) => {
      // The tenant was checked by the chat middleware; the endpoint validates the rest of the path.
      const rawParams: Record<string, unknown> = { ...req.params };
      delete rawParams.tenant;
      const reply = await e.handle({
        params: parseWith(e.params ?? noParams, rawParams, 'path'),
        query: parseWith(e.query ?? noQuery, req.query, 'query'),
        body: parseBody(e.body ?? noBody, req.body),
        ...chatContextOf(res),
      });
      res.status(reply.status).json(reply.body);
    });
  }
}

export function setChatContext(res: Response, context: ChatRequestContext): void {
  res.locals.chat = context;
}

function chatContextOf(res: Response): ChatRequestContext {
  const context = res.locals.chat as ChatRequestContext | undefined;
  if (!context) throw new Error('chat endpoint reached without the chat context middleware');
  return context;
}
