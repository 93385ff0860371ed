import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { ChatError, ChatNetworkError, type ChatErrorBody } from '../errors.js';
import type { paths } from '../generated/openapi.js';
import type { TokenSource } from './token-source.js';

/** The openapi-fetch client of the whole API, typed by the generated `paths`. */
export type ApiClient = Client<paths>;

/**
 * An openapi-fetch client that authenticates every request with the current token, retries once
 * with a new token when the server answers `token_expired`, and throws a {@link ChatError} for
 * every error reply (and a {@link ChatNetworkError} when no reply came): a call that returns has
 * its `data`.
 */
export function createApiClient(
  baseUrl: string,
  tokens: TokenSource,
  fetch?: typeof globalThis.fetch,
): ApiClient {
  const client = createClient<paths>({ baseUrl, fetch: fetch && ((request) => fetch(request)) });
  client.use(authenticated(tokens, fetch ?? ((request) => globalThis.fetch(request))));
  return client;
}

function authenticated(tokens: TokenSource, fetch: (request: Request) => Promise<Response>): Middleware {
  const unsent = new Map<string, Request>();
  return {
    async onRequest({ request, id }) {
      request.headers.set('Authorization', `Bearer ${await tokens.current()}`);
      // Kept unread, in case the token expired and the request is sent again.
      unsent.set(id, request.clone());
      return request;
    },
    async onResponse({ request, response, id }) {
      const retry = unsent.get(id);
      unsent.delete(id);
      let reply = response;
      if (retry && (await errorOf(reply.clone()))?.code === 'token_expired') {
        const stale = bearer(request);
        retry.headers.set('Authorization', `Bearer ${await tokens.refresh(stale)}`);
        reply = await fetch(retry).catch((error: unknown) => {
          throw networkError(error);
        });
      }
      if (!reply.ok) throw new ChatError((await errorOf(reply)) ?? unexpected(reply), reply.status);
      return reply;
    },
    onError({ error, id }) {
      unsent.delete(id);
      return error instanceof ChatError ? error : networkError(error);
    },
  };
}

async function errorOf(response: Response): Promise<ChatErrorBody | undefined> {
  if (response.ok) return undefined;
  const body = (await response.json().catch(() => undefined)) as { error?: ChatErrorBody } | undefined;
  return typeof body?.error?.code === 'string' ? body.error : undefined;
}

function unexpected(response: Response): ChatErrorBody {
  // Not the contract's body (a proxy's page): the status says what kind of failure it was.
  const code = response.status >= 500 ? 'service_unavailable' : 'internal_error';
  return { code, message: `unexpected ${response.status} reply` };
}

function bearer(request: Request): string {
  return (request.headers.get('Authorization') ?? '').replace(/^Bearer /, '');
}

function networkError(cause: unknown): ChatNetworkError {
  return new ChatNetworkError(cause instanceof Error ? cause.message : String(cause), { cause });
}
