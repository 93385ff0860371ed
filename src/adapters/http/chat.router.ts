import { Router, type RequestHandler } from 'express';
import { TenantMismatchError } from '../edge/auth.errors';
import { tenantParams } from '../edge/chat-request.schemas';
import { bearerToken, type JwtAuthenticator } from '../edge/jwt-authenticator';
import type { ProfileRefresh } from '../edge/profile-refresh';
import type { RequestRateLimits } from '../edge/rate-limits';
import type { TenantContexts } from '../tenancy/tenant-context';
import { channelEndpoints } from './channels.endpoints';
import {
  chatContextOf,
  mountEndpoints,
  setChatContext,
  type ChatRequestContext,
  type Endpoint,
  type EndpointApi,
} from './endpoint';
import { blockEndpoints } from './blocks.endpoints';
import { messageEndpoints } from './messages.endpoints';
import { moderationEndpoints } from './moderation.endpoints';
import { USER_TOKEN } from './openapi';
import { participantEndpoints } from './participants.endpoints';
import { pinEndpoints } from './pins.endpoints';
import { reactionEndpoints } from './reactions.endpoints';
import { readingEndpoints } from './reading.endpoints';
import { searchEndpoints } from './search.endpoints';

/** Where the chat API is mounted; `:tenant` is the tenant slug. */
export const CHAT_MOUNT = '/api/chat/:tenant';

/** Every route of the chat API, in the order the router tries them. */
export const CHAT_ENDPOINTS: readonly Endpoint[] = [
  ...channelEndpoints,
  ...messageEndpoints,
  ...readingEndpoints,
  ...participantEndpoints,
  ...reactionEndpoints,
  ...pinEndpoints,
  ...searchEndpoints,
  ...moderationEndpoints,
  ...blockEndpoints,
];

/** The chat API: a user token for the tenant in the path; what chatContext can refuse, every route can. */
export const CHAT_API: EndpointApi<ChatRequestContext> = {
  mount: CHAT_MOUNT,
  security: USER_TOKEN,
  mountParams: tenantParams,
  errors: [
    'validation_error',
    'unauthenticated',
    'token_expired',
    'tenant_mismatch',
    'tenant_not_found',
    'tenant_suspended',
    'forbidden',
    'rate_limited',
    'internal_error',
    'service_unavailable',
  ],
  undeclaredInput: 'refuse',
  endpoints: CHAT_ENDPOINTS,
};

export interface ChatRouterDeps {
  authenticator: JwtAuthenticator;
  tenants: TenantContexts;
  profiles: ProfileRefresh;
  limits: RequestRateLimits;
}

/** The chat API under CHAT_MOUNT: every request is authenticated, tenant-checked and rate-limited first. */
export function chatRouter(deps: ChatRouterDeps): Router {
  const router = Router({ strict: false, mergeParams: true });
  router.use(chatContext(deps));
  mountEndpoints(router, CHAT_API, chatContextOf);
  return router;
}

/**
 * Resolves who calls and for which tenant, in this order: a valid token (401), the path's tenant
 * is the token's (403 tenant_mismatch), the budgets (429), the tenant exists (404 tenant_not_found),
 * the user is not banned from it (403 forbidden).
 * Then the caller's profile is refreshed from the token's claims when they changed.
 */
function chatContext(deps: ChatRouterDeps): RequestHandler {
  return async (req, res, next) => {
    const caller = await deps.authenticator.verify(bearerToken(req.headers.authorization));
    // The token's tenant is a valid slug (checked with its claims): any other path segment, well
    // formed or not, is another tenant's.
    if (req.params.tenant !== caller.tenant) throw new TenantMismatchError();
    const tenant = caller.tenant;
    await deps.limits.consume(tenant, caller.userId);
    const context = await deps.tenants.forSlug(tenant);
    await context.useCases.moderation.checkTenantAccess.execute({ userId: caller.userId });
    await deps.profiles.refresh(tenant, caller, context.useCases.upsertUserProfile);
    setChatContext(res, { caller, useCases: context.useCases });
    next();
  };
}
