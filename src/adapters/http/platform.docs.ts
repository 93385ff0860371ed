import { z } from 'zod';
import { DASHBOARD_PATH } from '../queue/queue-dashboard';
import { createTenantBody, webhookBody } from './admin-tenants.router';
import { ADMIN_TOKEN, errorResponses, jsonResponses, type ApiDocs } from './openapi';

/*
 * OpenAPI entries of the routes around the chat API: probes, metrics, the document itself and the
 * admin API. Bodies are documented with the schemas their routers validate with.
 */

const tenant = z
  .strictObject({
    slug: z.string(),
    name: z.string(),
    database_name: z.string(),
    created_at: z.iso.datetime(),
    webhook_url: z.string().nullable().meta({ description: 'offline notifications are POSTed here' }),
  })
  .meta({ id: 'Tenant' });
const text = (description: string) => ({ description, content: { 'text/plain': { schema: z.string() } } });
const html = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });

export const platformDocs: ApiDocs = (registry) => {
  registry.registerPath({
    method: 'get',
    path: '/health',
    tags: ['operations'],
    summary: 'The process is up',
    responses: jsonResponses({ 200: { description: 'up', schema: z.object({ status: z.literal('ok') }) } }),
  });
  registry.registerPath({
    method: 'get',
    path: '/ready',
    tags: ['operations'],
    summary: 'MongoDB and Redis answer',
    responses: {
      ...jsonResponses({
        200: {
          description: 'ready',
          schema: z.object({ status: z.literal('ready'), dependencies: z.record(z.string(), z.string()) }),
        },
      }),
      ...errorResponses(['service_unavailable']),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/metrics',
    tags: ['operations'],
    summary: 'Prometheus metrics (process, HTTP request durations, queues)',
    responses: { 200: text('Prometheus text exposition format') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/openapi.json',
    tags: ['operations'],
    summary: 'This document',
    responses: {
      200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: z.object({}) } } },
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/docs/',
    tags: ['operations'],
    summary: 'Swagger UI over this document',
    responses: { 200: html('the Swagger UI page') },
  });
  registry.registerPath({
    method: 'get',
    path: `${DASHBOARD_PATH}/`,
    tags: ['admin'],
    summary: 'The job dashboard (Bull Board), a browser UI',
    description:
      'Behind the admin token: `Authorization: Bearer <ADMIN_TOKEN>`, or `?token=<ADMIN_TOKEN>` once from a ' +
      'browser, which sets a session cookie for the dashboard and redirects without the token.',
    security: [{ [ADMIN_TOKEN]: [] }],
    responses: { 200: html('the dashboard'), ...errorResponses(['unauthenticated']) },
  });
  registerAdminTenants(registry);
};

function registerAdminTenants(registry: Parameters<ApiDocs>[0]): void {
  const security = [{ [ADMIN_TOKEN]: [] }];
  registry.registerPath({
    method: 'post',
    path: '/api/admin/tenants/',
    tags: ['admin'],
    summary: 'Register a tenant (creates its database)',
    security,
    request: { body: { required: true, content: { 'application/json': { schema: createTenantBody } } } },
    responses: {
      ...jsonResponses({ 201: { description: 'created', schema: tenant } }),
      ...errorResponses([
        'validation_error',
        'invalid_json',
        'unauthenticated',
        'tenant_exists',
        'service_unavailable',
      ]),
    },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/admin/tenants/{slug}/',
    tags: ['admin'],
    summary: "Set or clear a tenant's webhook (`webhook_url: null` clears it; the secret is write-only)",
    security,
    request: {
      params: z.strictObject({ slug: z.string() }),
      body: { required: true, content: { 'application/json': { schema: webhookBody } } },
    },
    responses: {
      ...jsonResponses({ 200: { description: 'the tenant', schema: tenant } }),
      ...errorResponses([
        'validation_error',
        'invalid_json',
        'unauthenticated',
        'tenant_not_found',
        'service_unavailable',
      ]),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/admin/tenants/',
    tags: ['admin'],
    summary: 'Every tenant',
    security,
    responses: {
      ...jsonResponses({
        200: { description: 'the tenants', schema: z.object({ results: z.array(tenant) }) },
      }),
      ...errorResponses(['unauthenticated', 'service_unavailable']),
    },
  });
}
