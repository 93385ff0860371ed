import { ContainerModule } from 'inversify';
import { requireAdminToken } from '../../adapters/http/admin-auth';
import { ADMIN_DATA_API, adminDataRouter } from '../../adapters/http/admin-data.router';
import type { HttpMount } from '../../adapters/http/app';
import { endpointDocs, type ApiDocs } from '../../adapters/http/openapi';
import { noStore } from '../../adapters/http/response-headers';
import type { TenantContexts } from '../../adapters/tenancy/tenant-context';
import type { Config } from '../config';
import { TOKENS } from '../tokens';

/** Data rights on the admin API: tenant and user exports, user erasure (API nodes). */
export const dataRightsModule = new ContainerModule(({ bind }) => {
  bind<ApiDocs>(TOKENS.ApiDocs).toConstantValue(endpointDocs(ADMIN_DATA_API));
  bind<HttpMount>(TOKENS.HttpMounts).toDynamicValue((ctx) => {
    const config = ctx.get<Config>(TOKENS.Config);
    const router = adminDataRouter({
      tenants: ctx.get<TenantContexts>(TOKENS.TenantContexts),
      logger: ctx.get(TOKENS.Logger),
    });
    return { path: ADMIN_DATA_API.mount, handlers: [noStore, requireAdminToken(config.ADMIN_TOKEN), router] };
  });
});
