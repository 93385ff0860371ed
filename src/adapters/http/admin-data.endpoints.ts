import { z } from 'zod';
import type { Logger } from '../logging/logger';
import type { TenantContexts } from '../tenancy/tenant-context';
import { userId } from '../edge/chat-request.schemas';
import { erasureQuery, erasureResult, exportLine } from './admin-data.schemas';
import { endpointsOf } from './endpoint';
import { NDJSON, writeNdjson } from './ndjson-stream';

/** What the data-rights handlers receive: every tenant's use cases, and the log for failed streams. */
export interface AdminDataContext {
  tenants: TenantContexts;
  logger: Logger;
}

const tenantParams = z.strictObject({ slug: z.string() });
const userParams = tenantParams.extend({ user_id: userId });
const exportResponse = (description: string) => ({
  200: { description, schema: exportLine, contentType: NDJSON },
});
const STREAM_NOTE =
  'One JSON object per line (`application/x-ndjson`), each with a `type`; streamed as it is read, in ' +
  'bounded memory. A complete export ends with a `{"type":"end","counts":{…}}` line; one that failed ' +
  'midway ends with a `{"type":"error",…}` line instead, and one cut short has neither.';

const adminDataEndpoint = endpointsOf<AdminDataContext>();

/** Data rights (docs/contract.md): a tenant's export, a user's export, a user's erasure. */
export const ADMIN_DATA_ENDPOINTS = [
  adminDataEndpoint({
    method: 'get',
    path: '/tenants/:slug/export',
    tag: 'admin',
    summary: "Export a tenant's data (NDJSON)",
    description: `The tenant, then per channel its participants, messages, read states and receipts, then the user profiles. ${STREAM_NOTE}`,
    params: tenantParams,
    responses: exportResponse('the export, line by line'),
    errors: ['tenant_not_found'],
    handle: async ({ params, tenants, logger }) => {
      const { tenant, useCases } = await tenants.forSlug(params.slug);
      return {
        stream: (res) =>
          writeNdjson(res, useCases.exportTenantData.execute({ tenant }), {
            logger,
            filename: `${tenant.slug}.ndjson`,
            logContext: { tenant: tenant.slug, export: 'tenant' },
          }),
      };
    },
  }),
  adminDataEndpoint({
    method: 'get',
    path: '/tenants/:slug/users/:user_id/export',
    tag: 'admin',
    summary: "Export one user's data (NDJSON)",
    description: `The user's profile, their memberships (channels and roles), read states, messages and receipts. ${STREAM_NOTE}`,
    params: userParams,
    responses: exportResponse("the user's export, line by line"),
    errors: ['tenant_not_found'],
    handle: async ({ params, tenants, logger }) => {
      const { tenant, useCases } = await tenants.forSlug(params.slug);
      return {
        stream: (res) =>
          writeNdjson(res, useCases.exportUserData.execute({ tenant, userId: params.user_id }), {
            logger,
            filename: `${tenant.slug}-user.ndjson`,
            logContext: { tenant: tenant.slug, export: 'user' },
          }),
      };
    },
  }),
  adminDataEndpoint({
    method: 'delete',
    path: '/tenants/:slug/users/:user_id',
    tag: 'admin',
    summary: 'Erase a user',
    description:
      'They leave every channel (admin succession as usual), their messages become tombstones (or keep ' +
      'their content with `messages=anonymise`) authored by a random pseudonym, their read states, ' +
      'receipts, profile, presence and badge are deleted and their sockets closed. Idempotent: run it ' +
      'again after a failure or a timeout and it finishes the job.',
    params: userParams,
    query: erasureQuery,
    responses: { 200: { description: 'erased', schema: erasureResult } },
    errors: ['tenant_not_found', 'conflict'],
    handle: async ({ params, query, tenants }) => {
      const { useCases } = await tenants.forSlug(params.slug);
      return {
        status: 200,
        body: await useCases.eraseUser.execute({ userId: params.user_id, mode: query.messages }),
      };
    },
  }),
];
