import { ContainerModule } from 'inversify';
import { JwtAuthenticator } from '../../adapters/auth/jwt-authenticator';
import { apiDocsRouter } from '../../adapters/http/api-docs.router';
import type { HttpMount } from '../../adapters/http/app';
import { CHAT_ENDPOINTS, CHAT_MOUNT, chatRouter } from '../../adapters/http/chat.router';
import { tenantParams } from '../../adapters/http/chat-request.schemas';
import { metricsRouter } from '../../adapters/http/metrics';
import { buildOpenApiDocument, endpointDocs, type ApiDocs } from '../../adapters/http/openapi';
import { platformDocs } from '../../adapters/http/platform.docs';
import { ProfileRefresh } from '../../adapters/http/profile-refresh';
import { RequestRateLimits } from '../../adapters/http/rate-limits';
import type { RedisConnections } from '../../adapters/redis/redis-connections';
import type { TenantContexts } from '../../adapters/tenancy/tenant-context';
import type { Config } from '../config';
import { TOKENS } from '../tokens';

/** The chat REST API, its OpenAPI document and Swagger UI, and `/metrics`. */
export const restModule = new ContainerModule(({ bind }) => {
  bind<ApiDocs>(TOKENS.ApiDocs).toConstantValue(platformDocs);
  bind<ApiDocs>(TOKENS.ApiDocs).toConstantValue(endpointDocs(CHAT_MOUNT, CHAT_ENDPOINTS, tenantParams));
  bind<HttpMount>(TOKENS.HttpMounts).toDynamicValue((ctx) => {
    const config = ctx.get<Config>(TOKENS.Config);
    const router = chatRouter({
      authenticator: new JwtAuthenticator({
        secret: config.JWT_SECRET,
        publicKey: config.JWT_PUBLIC_KEY,
        issuer: config.JWT_ISSUER,
        audience: config.JWT_AUDIENCE,
      }),
      tenants: ctx.get<TenantContexts>(TOKENS.TenantContexts),
      profiles: new ProfileRefresh(),
      limits: new RequestRateLimits(ctx.get<RedisConnections>(TOKENS.Redis).command, {
        keyPrefix: config.REDIS_KEY_PREFIX,
        userPerMinute: config.RATE_LIMIT_USER_PER_MINUTE,
        tenantPerMinute: config.RATE_LIMIT_TENANT_PER_MINUTE,
      }),
    });
    return { path: CHAT_MOUNT, handlers: [router] };
  });
  bind<HttpMount>(TOKENS.HttpMounts).toDynamicValue((ctx) => ({
    path: '/api',
    handlers: [apiDocsRouter(buildOpenApiDocument(ctx.getAll<ApiDocs>(TOKENS.ApiDocs)))],
  }));
  bind<HttpMount>(TOKENS.HttpMounts).toDynamicValue(() => ({ path: '/', handlers: [metricsRouter()] }));
});
