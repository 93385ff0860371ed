import type { Response, Router } from 'express';
import { z } from 'zod';
import type { AuthenticatedUser } from '../edge/jwt-authenticator';
import { parseBody, parseWith } from '../edge/validation';
import type { TenantUseCases } from '../tenancy/tenant-context';

export type HttpMethod = 'get' | 'post' | 'patch' | 'delete';

/** Who is calling and their tenant's use cases, resolved by the chat router's middleware. */
export interface ChatRequestContext {
  caller: AuthenticatedUser;
  useCases: TenantUseCases;
}

/** A route's validated input, beside what its API resolved for the request (`C`). */
export type EndpointInput<P, Q, B, C = ChatRequestContext> = C & { params: P; query: Q; body: B };

export interface Reply {
  status: number;
  body: unknown;
}

/** A reply the route writes itself once its input is valid (status, headers, body): a stream. */
export interface StreamedReply {
  stream(res: Response): Promise<void>;
}

/** A documented response: its description and the schema of the body (of each line, for a stream). */
export interface ResponseDoc {
  description: string;
  schema: z.ZodType;
  /** `application/json` unless given (e.g. `application/x-ndjson`). */
  contentType?: string;
}

/**
 * One route, declared once: the router validates with these schemas and the OpenAPI document is
 * generated from the same declaration, so the two cannot disagree.
 */
export interface Endpoint<P = unknown, Q = unknown, B = unknown, C = ChatRequestContext> {
  method: HttpMethod;
  /** Express pattern under its API's mount, e.g. `/channels/:id/messages`; a trailing slash is optional. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  responses: Record<number, ResponseDoc>;
  /** Error codes this route can answer besides those of every route of its API (EndpointApi.errors). */
  errors: string[];
  handle(input: EndpointInput<P, Q, B, C>): Promise<Reply | StreamedReply>;
}

/**
 * The endpoints under one mount and what they share: the token they take (an OpenAPI security
 * scheme), the mount's own path parameters, the error codes any of them can answer, and what a route
 * does with input it declares no schema for.
 */
export interface EndpointApi<C extends object> {
  /** Express pattern of the mount, e.g. `/api/chat/:tenant`. */
  mount: string;
  /** The OpenAPI security scheme of its token; none for an API that takes no token. */
  security?: string;
  /** Checked by the API's own middleware before the routes run; documented on every route. */
  mountParams?: z.ZodObject;
  errors: readonly string[];
  /** `refuse`: undeclared params, query and body must be empty (400 otherwise); `ignore`: they are not read. */
  undeclaredInput: 'refuse' | 'ignore';
  endpoints: readonly Endpoint<unknown, unknown, unknown, C>[];
}

/** The declaring function of an API whose handlers receive `C`, with input types inferred from the schemas. */
export function endpointsOf<C extends object>() {
  return <P = Record<string, never>, Q = Record<string, never>, B = Record<string, never>>(
    definition: Endpoint<P, Q, B, C>,
  ): Endpoint<unknown, unknown, unknown, C> =>
    definition as unknown as Endpoint<unknown, unknown, unknown, C>;
}

/** Declares a chat endpoint. */
export const endpoint = endpointsOf<ChatRequestContext>();

const UNDECLARED = { refuse: z.strictObject({}), ignore: z.unknown() } as const;

/** Adds each endpoint of the API to the router: parse params, query and body, call the handler, send its reply. */
export function mountEndpoints<C extends object>(
  router: Router,
  api: EndpointApi<C>,
  contextOf: (res: Response) => C,
): void {
  const undeclared = UNDECLARED[api.undeclaredInput];
  const mountKeys = Object.keys(api.mountParams?.shape ?? {});
  for (const e of api.endpoints) {
    router[e.method](e.path, async (req, res) => {
      // The mount's parameters were checked by the API's middleware; the endpoint validates the rest.
      const rawParams: Record<string, unknown> = { ...req.params };
      for (const key of mountKeys) delete rawParams[key];
      const reply = await e.handle({
        params: parseWith(e.params ?? undeclared, rawParams, 'path'),
        query: parseWith(e.query ?? undeclared, req.query, 'query'),
        body: parseBody(e.body ?? undeclared, req.body),
        ...contextOf(res),
      });
      if ('stream' in reply) return reply.stream(res);
      res.status(reply.status).json(reply.body);
    });
  }
}

export function setChatContext(res: Response, context: ChatRequestContext): void {
  res.locals.chat = context;
}

export function chatContextOf(res: Response): ChatRequestContext {
  const context = res.locals.chat as ChatRequestContext | undefined;
  if (!context) throw new Error('chat endpoint reached without the chat context middleware');
  return context;
}
