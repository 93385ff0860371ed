import { ContainerModule, type ResolutionContext } from 'inversify';
import type { Server } from 'socket.io';
import type { HttpMount } from '../../adapters/http/app';
import { requireAdminToken } from '../../adapters/http/admin-auth';
import { ADMIN_MODERATION_API, adminModerationRouter } from '../../adapters/http/admin-moderation.endpoints';
import { endpointDocs, type ApiDocs } from '../../adapters/http/openapi';
import { noStore } from '../../adapters/http/response-headers';
import type { Logger } from '../../adapters/logging/logger';
import { ModerationAnnouncements } from '../../adapters/moderation/moderation-announcements';
import { ModerationMemory } from '../../adapters/moderation/moderation-memory';
import { RememberedTenantBans, RememberedUserBlocks } from '../../adapters/moderation/remembered-moderation';
import type { TenantRepositories } from '../../adapters/persistence/mongo/tenant-repositories';
import { dropUserSockets } from '../../adapters/realtime/user-sockets';
import type { RedisConnections } from '../../adapters/redis/redis-connections';
import { RedisSlowMode } from '../../adapters/redis/redis-slow-mode';
import type { ModerationPorts } from '../../adapters/tenancy/moderation-context';
import type { TenantContexts } from '../../adapters/tenancy/tenant-context';
import { WebhookFlagReporter } from '../../adapters/webhook/webhook-flag-reporter';
import type { JobQueue } from '../../application/ports/job-queue.port';
import type { TenantDirectory } from '../../application/ports/tenant-directory.port';
import type { Tenant } from '../../domain/tenant/tenant';
import type { Config } from '../config';
import type { Lifecycle } from '../lifecycle';
import type { TenantForgetting } from '../tenant-forgetting';
import { TOKENS } from '../tokens';

/** Every process: the memory of tenant bans and block lists, and the announcements that keep it current. */
export const moderationModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.ModerationMemory)
    .toDynamicValue(() => new ModerationMemory())
    .inSingletonScope();
  bind(TOKENS.ModerationAnnouncements)
    .toDynamicValue((ctx) => {
      const config = ctx.get<Config>(TOKENS.Config);
      const redis = ctx.get<RedisConnections>(TOKENS.Redis).command;
      return new ModerationAnnouncements(redis, config.REDIS_KEY_PREFIX, ctx.get(TOKENS.ModerationMemory));
    })
    .inSingletonScope();
});

/**
 * API nodes: the subscription to moderation announcements (before serving: the memory is trusted
 * once subscribed), a banned user's sockets closed on every node, and the admin API's moderation
 * routes (tenant bans, flags) with their OpenAPI entries.
 */
export const moderationApiModule = new ContainerModule(({ bind }) => {
  bind<Lifecycle>(TOKENS.Lifecycle).toDynamicValue(moderationAnnouncements).inSingletonScope();
  bind<ApiDocs>(TOKENS.ApiDocs).toConstantValue(endpointDocs(ADMIN_MODERATION_API));
  bind<HttpMount>(TOKENS.HttpMounts).toDynamicValue((ctx) => {
    const config = ctx.get<Config>(TOKENS.Config);
    const router = adminModerationRouter(ctx.get<TenantContexts>(TOKENS.TenantContexts));
    return {
      path: ADMIN_MODERATION_API.mount,
      handlers: [noStore, requireAdminToken(config.ADMIN_TOKEN), router],
    };
  });
});

/** A tenant's moderation ports, on its repositories, this process's Redis, memory and job queue. */
export function moderationPortsFactory(ctx: ResolutionContext) {
  const config = ctx.get<Config>(TOKENS.Config);
  const redis = ctx.get<RedisConnections>(TOKENS.Redis).command;
  const directory = ctx.get<TenantDirectory>(TOKENS.TenantDirectory);
  const memory = ctx.get<ModerationMemory>(TOKENS.ModerationMemory);
  const announcements = ctx.get<ModerationAnnouncements>(TOKENS.ModerationAnnouncements);
  return (tenant: Tenant, repositories: TenantRepositories, jobs: JobQueue): ModerationPorts => ({
    channels: repositories.channelModeration,
    blocks: new RememberedUserBlocks(repositories.blocks, memory, announcements, tenant.slug),
    tenantBans: new RememberedTenantBans(repositories.tenantBans, memory, announcements, tenant.slug),
    flags: repositories.flags,
    flagReporter: new WebhookFlagReporter(directory, tenant.slug, jobs),
    slowMode: new RedisSlowMode(redis, `${config.REDIS_KEY_PREFIX}:{t:${tenant.slug}}`),
  });
}

function moderationAnnouncements(ctx: ResolutionContext): Lifecycle {
  const config = ctx.get<Config>(TOKENS.Config);
  const redis = ctx.get<RedisConnections>(TOKENS.Redis);
  const announcements = ctx.get<ModerationAnnouncements>(TOKENS.ModerationAnnouncements);
  const memory = ctx.get<ModerationMemory>(TOKENS.ModerationMemory);
  const logger = ctx.get<Logger>(TOKENS.Logger);
  ctx.get<TenantForgetting>(TOKENS.TenantForgetting).onForget((tenant) => memory.forgetTenant(tenant));
  return {
    name: 'moderation-announcements',
    start: async () => {
      // Bound by ApiNode before the lifecycles start.
      const io = ctx.get<Server>(TOKENS.SocketServer);
      announcements.onBanned((tenant, userId) => dropUserSockets(io, tenant, userId));
      // A subscriber never gives a command up; RedisConnections closes it with the process.
      await announcements.listen(redis.subscriber('moderation-sub'), logger, config.DEPENDENCY_TIMEOUT_MS);
    },
    stop: async () => undefined,
  };
}
