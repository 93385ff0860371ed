import { Router } from 'express';
import { z } from 'zod';
import { USER_TYPES } from '../../domain/user/user-type';
import { tenantSlug, text, userId } from '../edge/chat-request.schemas';
import type { DevTokenIssuer } from '../edge/dev-tokens';
import { endpointsOf, mountEndpoints, type EndpointApi } from './endpoint';

/** Where the dev-only token endpoint is mounted (only with DEMO_ENABLED=true, never in production). */
export const DEV_MOUNT = '/api/dev';

interface DevRequestContext {
  tokens: DevTokenIssuer;
}

const devTokenBody = z.strictObject({
  tenant: tenantSlug,
  user_id: userId,
  name: text(200).optional(),
  user_type: z.enum(USER_TYPES).optional(),
});

const devEndpoint = endpointsOf<DevRequestContext>();

/**
 * `POST /api/dev/tokens`: a user token for the demo, the tenant created on first use. It stands in
 * for the host application's backend, which mints tokens in a real deployment.
 */
export const DEV_API: EndpointApi<DevRequestContext> = {
  mount: DEV_MOUNT,
  errors: ['internal_error', 'service_unavailable'],
  undeclaredInput: 'refuse',
  endpoints: [
    devEndpoint({
      method: 'post',
      path: '/tokens',
      tag: 'dev',
      summary: 'A user token for the demo (local mode only)',
      body: devTokenBody,
      responses: {
        201: {
          description: 'the token',
          schema: z.strictObject({ token: z.string(), expires_at: z.iso.datetime() }),
        },
      },
      errors: [],
      handle: async ({ body, tokens }) => ({ status: 201, body: await tokens.issue(body) }),
    }),
  ],
};

export function devTokensRouter(tokens: DevTokenIssuer): Router {
  const router = Router({ strict: false });
  mountEndpoints(router, DEV_API, () => ({ tokens }));
  return router;
}
