import { z } from 'zod';
import type { AddSigningKey } from '../../application/tenants/add-signing-key.use-case';
import type { ConfigureTenantWebhook } from '../../application/tenants/configure-tenant-webhook.use-case';
import type { CreateTenant } from '../../application/tenants/create-tenant.use-case';
import type { ListSigningKeys } from '../../application/tenants/list-signing-keys.use-case';
import type { ListTenants } from '../../application/tenants/list-tenants.use-case';
import type { RevokeSigningKey } from '../../application/tenants/revoke-signing-key.use-case';
import type { Tenant } from '../../domain/tenant/tenant';
import { tenantSlug } from '../edge/chat-request.schemas';
import { newSigningKeySchema, newSigningKeyView } from './admin-keys.endpoints';
import { endpointsOf } from './endpoint';

/** What the admin API's handlers receive: the use cases over the tenant registry. */
export interface AdminRequestContext {
  useCases: {
    createTenant: CreateTenant;
    listTenants: ListTenants;
    configureWebhook: ConfigureTenantWebhook;
    addSigningKey: AddSigningKey;
    listSigningKeys: ListSigningKeys;
    revokeSigningKey: RevokeSigningKey;
  };
}

const createTenantBody = z.strictObject({
  slug: tenantSlug,
  name: z.string().trim().min(1).max(200),
  server: z.string().max(32).optional().meta({
    description:
      'a database server of MONGO_SERVERS (or `default`); default: the one with the fewest tenants',
  }),
});

const webhookBody = z.strictObject({
  webhook_url: z.string().max(2048).nullable(),
  webhook_secret: z.string().max(256).optional(),
});

const tenantSchema = z
  .strictObject({
    slug: z.string(),
    name: z.string(),
    database_name: z.string(),
    server: z.string().meta({ description: 'the database server holding its database' }),
    created_at: z.iso.datetime(),
    webhook_url: z.string().nullable().meta({ description: 'offline notifications are POSTed here' }),
  })
  .meta({ id: 'Tenant' });

const newTenantSchema = tenantSchema
  .extend({
    signing_key: newSigningKeySchema.nullable().meta({
      description:
        "the tenant's first HS256 key and its secret, shown this once; null where the deployment has no TENANT_KEYS_SECRET",
    }),
  })
  .meta({ id: 'NewTenant' });

const adminEndpoint = endpointsOf<AdminRequestContext>();

/** `tenants`: register and list tenants, set their webhook. Thin: parse, call the use case, reply. */
export const ADMIN_TENANT_ENDPOINTS = [
  adminEndpoint({
    method: 'post',
    path: '/tenants',
    tag: 'admin',
    summary: 'Register a tenant (creates its database and its first signing key)',
    body: createTenantBody,
    responses: { 201: { description: 'created', schema: newTenantSchema } },
    errors: ['tenant_exists'],
    handle: async ({ body, useCases }) => {
      const { tenant, signingKey } = await useCases.createTenant.execute(body);
      const signing_key = signingKey && newSigningKeyView({ key: signingKey.key, secret: signingKey.secret });
      return { status: 201, body: { ...tenantView(tenant), signing_key } };
    },
  }),
  adminEndpoint({
    method: 'get',
    path: '/tenants',
    tag: 'admin',
    summary: 'Every tenant',
    responses: {
      200: { description: 'the tenants', schema: z.object({ results: z.array(tenantSchema) }) },
    },
    errors: [],
    handle: async ({ useCases }) => ({
      status: 200,
      body: { results: (await useCases.listTenants.execute()).map(tenantView) },
    }),
  }),
  adminEndpoint({
    method: 'patch',
    path: '/tenants/:slug',
    tag: 'admin',
    summary: "Set or clear a tenant's webhook (`webhook_url: null` clears it; the secret is write-only)",
    params: z.strictObject({ slug: z.string() }),
    body: webhookBody,
    responses: { 200: { description: 'the tenant', schema: tenantSchema } },
    errors: ['tenant_not_found'],
    handle: async ({ params, body, useCases }) => ({
      status: 200,
      body: tenantView(await useCases.configureWebhook.execute({ slug: params.slug, ...body })),
    }),
  }),
];

function tenantView(tenant: Tenant) {
  return {
    slug: tenant.slug,
    name: tenant.name,
    database_name: tenant.database_name,
    server: tenant.server,
    created_at: tenant.created_at.toISOString(),
    // The secret is write-only: never shown.
    webhook_url: tenant.webhook_url ?? null,
  };
}
