import { Router } from 'express';
import { ADMIN_DATA_ENDPOINTS, type AdminDataContext } from './admin-data.endpoints';
import { ADMIN_MOUNT } from './admin-tenants.router';
import { mountEndpoints, type EndpointApi } from './endpoint';
import { ADMIN_TOKEN } from './openapi';

/**
 * The data-rights part of the admin API, under the same mount and token as the tenant registry
 * (requireAdminToken, applied by the caller). Its own EndpointApi because its handlers need every
 * tenant's context, where the registry's need only the control database.
 */
export const ADMIN_DATA_API: EndpointApi<AdminDataContext> = {
  mount: ADMIN_MOUNT,
  security: ADMIN_TOKEN,
  errors: ['unauthenticated', 'internal_error', 'service_unavailable'],
  undeclaredInput: 'ignore',
  endpoints: ADMIN_DATA_ENDPOINTS,
};

/** `/api/admin/tenants/{slug}/export`, `…/users/{user_id}/export`, `DELETE …/users/{user_id}`. */
export function adminDataRouter(context: AdminDataContext): Router {
  const router = Router({ strict: false });
  mountEndpoints(router, ADMIN_DATA_API, () => context);
  return router;
}
