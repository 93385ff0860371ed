import { ContainerModule } from 'inversify';
import { apiDocsRouter } from '../../adapters/http/api-docs.router';
import type { HttpMount } from '../../adapters/http/app';
import { CHAT_API, CHAT_MOUNT, chatRouter } from '../../adapters/http/chat.router';
import { metricsRouter } from '../../adapters/http/metrics';
import { buildOpenApiDocument, endpointDocs, type ApiDocs } from '../../adapters/http/openapi';
import { platformDocs } from '../../adapters/http/platform.docs';
import { noStore } from '../../adapters/http/response-headers';
import { buildAsyncApiDocument } from '../../adapters/realtime/asyncapi';
import type { TenantContexts } from '../../adapters/tenancy/tenant-context';
import { TOKENS } from '../tokens';

/** The chat REST API, its OpenAPI and AsyncAPI documents, Swagger UI, and `/metrics`. */
export const restModule = new ContainerModule(({ bind }) => {
  bind<ApiDocs>(TOKENS.ApiDocs).toConstantValue(platformDocs);
  bind<ApiDocs>(TOKENS.ApiDocs).toConstantValue(endpointDocs(CHAT_API));
  bind<HttpMount>(TOKENS.HttpMounts).toDynamicValue((ctx) => {
    const router = chatRouter({
      authenticator: ctx.get(TOKENS.Authenticator),
      tenants: ctx.get<TenantContexts>(TOKENS.TenantContexts),
      profiles: ctx.get(TOKENS.ProfileRefresh),
      limits: ctx.get(TOKENS.RequestLimits),
    });
    return { path: CHAT_MOUNT, handlers: [noStore, router] };
  });
  bind<HttpMount>(TOKENS.HttpMounts).toDynamicValue((ctx) => ({
    path: '/api',
    handlers: [
      apiDocsRouter(buildOpenApiDocument(ctx.getAll<ApiDocs>(TOKENS.ApiDocs)), buildAsyncApiDocument()),
    ],
  }));
  bind<HttpMount>(TOKENS.HttpMounts).toDynamicValue(() => ({ path: '/', handlers: [metricsRouter()] }));
});
