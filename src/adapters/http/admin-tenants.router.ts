import { Router } from 'express';
import { z } from 'zod';
import type { ConfigureTenantWebhook } from '../../application/tenants/configure-tenant-webhook.use-case';
import type { CreateTenant } from '../../application/tenants/create-tenant.use-case';
import type { ListTenants } from '../../application/tenants/list-tenants.use-case';
import type { Tenant } from '../../domain/tenant/tenant';
import { parseBody } from './validation';

export const createTenantBody = z.strictObject({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must match ^[a-z0-9][a-z0-9-]{1,62}$'),
  name: z.string().trim().min(1).max(200),
});

export const webhookBody = z.strictObject({
  webhook_url: z.string().max(2048).nullable(),
  webhook_secret: z.string().max(256).optional(),
});

/** `/api/admin/tenants`: register and list tenants, set their webhook (behind the admin token, applied by the caller). */
export function adminTenantsRouter(useCases: {
  createTenant: CreateTenant;
  listTenants: ListTenants;
  configureWebhook: ConfigureTenantWebhook;
}): Router {
  const router = Router({ strict: false });
  router.post('/tenants', async (req, res) => {
    const body = parseBody(createTenantBody, req.body);
    const tenant = await useCases.createTenant.execute(body);
    res.status(201).json(tenantView(tenant));
  });
  router.get('/tenants', async (_req, res) => {
    const tenants = await useCases.listTenants.execute();
    res.json({ results: tenants.map(tenantView) });
  });
  router.patch('/tenants/:slug', async (req, res) => {
    const body = parseBody(webhookBody, req.body);
    const tenant = await useCases.configureWebhook.execute({ slug: String(req.params.slug), ...body });
    res.json(tenantView(tenant));
  });
  return router;
}

function tenantView(tenant: Tenant) {
  return {
    slug: tenant.slug,
    name: tenant.name,
    database_name: tenant.database_name,
    created_at: tenant.created_at.toISOString(),
    // The secret is write-only: never shown.
    webhook_url: tenant.webhook_url ?? null,
  };
}
