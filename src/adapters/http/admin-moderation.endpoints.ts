import { Router } from 'express';
import { z } from 'zod';
import { userId } from '../edge/chat-request.schemas';
import { listFlagsQuery, tenantBanBody } from '../edge/moderation-request.schemas';
import type { TenantContexts } from '../tenancy/tenant-context';
import { ADMIN_MOUNT } from './admin-tenants.router';
import { endpointsOf, mountEndpoints, type EndpointApi } from './endpoint';
import { flagList, tenantBanList, tenantBanView } from './moderation-response.schemas';
import { ADMIN_TOKEN } from './openapi';

/** What these admin routes' handlers receive: every tenant's context (its moderation use cases). */
export interface AdminModerationContext {
  tenants: TenantContexts;
}

const slugParams = z.strictObject({ slug: z.string() });
const banParams = slugParams.extend({ user_id: userId });
const adminEndpoint = endpointsOf<AdminModerationContext>();
const TENANT_ERRORS = ['tenant_not_found', 'tenant_suspended'];

/** `tenants/{slug}/bans`, `tenants/{slug}/flags`: a tenant's moderation, for its administrator. */
export const ADMIN_MODERATION_ENDPOINTS = [
  adminEndpoint({
    method: 'get',
    path: '/tenants/:slug/bans',
    tag: 'admin',
    summary: 'The users banned from the tenant, oldest first',
    params: slugParams,
    responses: { 200: { description: 'the bans in force', schema: tenantBanList } },
    errors: TENANT_ERRORS,
    handle: async ({ params, tenants }) => {
      const { useCases } = await tenants.forSlug(params.slug);
      return { status: 200, body: await useCases.moderation.listTenantBans.execute() };
    },
  }),
  adminEndpoint({
    method: 'post',
    path: '/tenants/:slug/bans/:user_id',
    tag: 'admin',
    summary: 'Ban a user from the whole tenant',
    description:
      'Every chat request of theirs is refused with 403 `forbidden` (`details.reason: "banned"`), their ' +
      'handshakes too, and their connected sockets are closed on every node, until `until` or until the ' +
      'ban is lifted. Their memberships stay. Banning again replaces the ban (200). The body may be empty.',
    params: banParams,
    body: tenantBanBody,
    responses: {
      201: { description: 'banned', schema: tenantBanView },
      200: { description: 'was banned already: the ban, replaced', schema: tenantBanView },
    },
    errors: TENANT_ERRORS,
    handle: async ({ params, body, tenants }) => {
      const { useCases } = await tenants.forSlug(params.slug);
      const { ban, created } = await useCases.moderation.banFromTenant.execute({
        ...body,
        user_id: params.user_id,
      });
      return { status: created ? 201 : 200, body: ban };
    },
  }),
  adminEndpoint({
    method: 'delete',
    path: '/tenants/:slug/bans/:user_id',
    tag: 'admin',
    summary: 'Lift a user’s tenant ban: served again at once on every node',
    params: banParams,
    responses: { 200: { description: 'the ban lifted', schema: tenantBanView } },
    errors: [...TENANT_ERRORS, 'not_found'],
    handle: async ({ params, tenants }) => {
      const { useCases } = await tenants.forSlug(params.slug);
      return {
        status: 200,
        body: await useCases.moderation.liftTenantBan.execute({ user_id: params.user_id }),
      };
    },
  }),
  adminEndpoint({
    method: 'get',
    path: '/tenants/:slug/flags',
    tag: 'admin',
    summary: 'The flagged messages of the tenant, newest first',
    description: 'Keyset-paginated: pass `next_cursor` back as `cursor`. `channel_id` keeps one channel’s.',
    params: slugParams,
    query: listFlagsQuery,
    responses: { 200: { description: 'a page of flags', schema: flagList } },
    errors: TENANT_ERRORS,
    handle: async ({ params, query, tenants }) => {
      const { useCases } = await tenants.forSlug(params.slug);
      return { status: 200, body: await useCases.moderation.listFlags.execute(query) };
    },
  }),
];

/** Beside ADMIN_API under the same mount and token (mounted after it). */
export const ADMIN_MODERATION_API: EndpointApi<AdminModerationContext> = {
  mount: ADMIN_MOUNT,
  security: ADMIN_TOKEN,
  errors: ['unauthenticated', 'internal_error', 'service_unavailable'],
  undeclaredInput: 'ignore',
  endpoints: ADMIN_MODERATION_ENDPOINTS,
};

export function adminModerationRouter(tenants: TenantContexts): Router {
  const router = Router({ strict: false });
  mountEndpoints(router, ADMIN_MODERATION_API, () => ({ tenants }));
  return router;
}
