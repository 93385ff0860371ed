import { z } from 'zod';
import type { AddSigningKey } from '../../application/tenants/add-signing-key.use-case';
import type { ConfigureTenantWebhook } from '../../application/tenants/configure-tenant-webhook.use-case';
import type { CreateTenant } from '../../application/tenants/create-tenant.use-case';
import type { DeleteTenant } from '../../application/tenants/delete-tenant.use-case';
import type { SetTenantStatus } from '../../application/tenants/set-tenant-status.use-case';
import type { ListSigningKeys } from '../../application/tenants/list-signing-keys.use-case';
import type { ListTenants } from '../../application/tenants/list-tenants.use-case';
import type { RevokeSigningKey } from '../../application/tenants/revoke-signing-key.use-case';
import { TENANT_STATUSES, type Tenant } from '../../domain/tenant/tenant';
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
    setTenantStatus: SetTenantStatus;
    deleteTenant: DeleteTenant;
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

const patchTenantBody = z
  .strictObject({
    webhook_url: z.string().max(2048).nullable().optional().meta({ description: 'null removes the webhook' }),
    webhook_secret: z.string().max(256).optional().meta({ description: 'with webhook_url; write-only' }),
    status: z.enum(['active', 'suspended']).optional().meta({
      description: 'suspended: 403 tenant_suspended on REST, handshakes refused, sockets closed, jobs held',
    }),
  })
  .refine((body) => body.webhook_url !== undefined || body.status !== undefined, {
    message: 'give webhook_url, status or both',
  })
  .refine((body) => body.webhook_secret === undefined || body.webhook_url !== undefined, {
    message: 'webhook_secret goes with webhook_url',
    path: ['webhook_secret'],
  });

const tenantSchema = z
  .strictObject({
    slug: z.string(),
    name: z.string(),
    database_name: z.string(),
    server: z.string().meta({ description: 'the database server holding its database' }),
    status: z
      .enum(TENANT_STATUSES)
      .meta({ description: '`deleting` while DELETE runs or after it was interrupted' }),
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
    summary: "Set or clear a tenant's webhook, suspend it or make it active again",
    description:
      '`webhook_url: null` clears the webhook (the secret is write-only). `status: "suspended"` stops ' +
      'serving the tenant at once on every node (REST 403 `tenant_suspended`, handshakes refused, ' +
      'connected sockets closed, jobs held) and keeps its data; `"active"` serves it again.',
    params: z.strictObject({ slug: z.string() }),
    body: patchTenantBody,
    responses: { 200: { description: 'the tenant', schema: tenantSchema } },
    errors: ['tenant_not_found', 'conflict'],
    handle: async ({ params, body, useCases }) => {
      const { status, ...webhook } = body;
      let tenant: Tenant | undefined;
      if (webhook.webhook_url !== undefined) {
        tenant = await useCases.configureWebhook.execute({
          slug: params.slug,
          ...webhook,
          webhook_url: webhook.webhook_url,
        });
      }
      if (status !== undefined)
        tenant = await useCases.setTenantStatus.execute({ slug: params.slug, status });
      return { status: 200, body: tenantView(tenant!) };
    },
  }),
  adminEndpoint({
    method: 'delete',
    path: '/tenants/:slug',
    tag: 'admin',
    summary: 'Delete a tenant and all its data',
    description:
      'Refuses the tenant at once on every node (as unknown) and closes its sockets, then removes its ' +
      'waiting jobs, its Redis keys, its database, its signing keys and its registry entry. Idempotent: ' +
      'a deletion that was interrupted (the registry shows `deleting`) is finished by calling it again; ' +
      'once finished, the tenant is unknown (404).',
    params: z.strictObject({ slug: z.string() }),
    responses: {
      200: {
        description: 'deleted',
        schema: z.strictObject({
          slug: z.string(),
          removed: z.strictObject({ jobs: z.number().int(), redis_keys: z.number().int() }),
        }),
      },
    },
    errors: ['tenant_not_found'],
    handle: async ({ params, useCases }) => ({
      status: 200,
      body: await useCases.deleteTenant.execute(params.slug),
    }),
  }),
];

function tenantView(tenant: Tenant) {
  return {
    slug: tenant.slug,
    name: tenant.name,
    database_name: tenant.database_name,
    server: tenant.server,
    status: tenant.status,
    created_at: tenant.created_at.toISOString(),
    // The secret is write-only: never shown.
    webhook_url: tenant.webhook_url ?? null,
  };
}
