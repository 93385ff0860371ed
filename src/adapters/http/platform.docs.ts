import { z } from 'zod';
import { DASHBOARD_PATH } from '../queue/queue-dashboard';
import { ADMIN_API } from './admin-tenants.router';
import { ADMIN_TOKEN, endpointDocs, errorResponses, jsonResponses, type ApiDocs } from './openapi';

/*
 * OpenAPI entries of the routes around the chat API that are not endpoints (probes, metrics, the
 * document itself, the job dashboard), then the admin API's, generated from its endpoints.
 */

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
    path: '/api/asyncapi.json',
    tags: ['operations'],
    summary: 'The AsyncAPI 3.0 document of the Socket.IO namespaces (events, payloads, acks)',
    responses: {
      200: { description: 'AsyncAPI 3.0', content: { 'application/json': { schema: z.object({}) } } },
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
  endpointDocs(ADMIN_API)(registry);
};
