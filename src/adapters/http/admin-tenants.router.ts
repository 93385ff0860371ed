import { Router } from 'express';
import { ADMIN_KEY_ENDPOINTS } from './admin-keys.endpoints';
import { ADMIN_TENANT_ENDPOINTS, type AdminRequestContext } from './admin-tenants.endpoints';
import { mountEndpoints, type EndpointApi } from './endpoint';
import { ADMIN_TOKEN } from './openapi';

/** Where the admin API is mounted, behind the admin token (requireAdminToken, applied by the caller). */
export const ADMIN_MOUNT = '/api/admin';

/**
 * The admin API: every route takes the admin token. A route does not read input it declares no
 * schema for (a stray query string on `GET tenants/` is not refused).
 */
export const ADMIN_API: EndpointApi<AdminRequestContext> = {
  mount: ADMIN_MOUNT,
  security: ADMIN_TOKEN,
  errors: ['unauthenticated', 'internal_error', 'service_unavailable'],
  undeclaredInput: 'ignore',
  endpoints: [...ADMIN_TENANT_ENDPOINTS, ...ADMIN_KEY_ENDPOINTS],
};

/** `/api/admin/tenants`: register and list tenants, set their webhook, manage their signing keys. */
export function adminTenantsRouter(useCases: AdminRequestContext['useCases']): Router {
  const router = Router({ strict: false });
  mountEndpoints(router, ADMIN_API, () => ({ useCases }));
  return router;
}
