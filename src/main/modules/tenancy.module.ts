import { randomUUID } from 'node:crypto';
import { ContainerModule, type ResolutionContext } from 'inversify';
import type { MongoDatabases } from '../../adapters/persistence/mongo/mongo-databases';
import { MongoSendOutbox } from '../../adapters/persistence/mongo/mongo-send-outbox';
import { createTenantRepositories } from '../../adapters/persistence/mongo/tenant-repositories';
import { tenantModels } from '../../adapters/persistence/mongo/tenant-models';
import type { PresenceKeys } from '../../adapters/presence/presence-keys';
import { RedisPresenceEraser } from '../../adapters/presence/redis-presence-eraser';
import { RedisPresenceReader } from '../../adapters/presence/redis-presence-reader';
import { BullMqJobQueue } from '../../adapters/queue/bullmq-job-queue';
import type { BullMqQueues } from '../../adapters/queue/bullmq-queues';
import type { ChannelAccessCache } from '../../adapters/realtime/channel-access-cache';
import type { ChannelAccessRevocations } from '../../adapters/realtime/channel-access-revocations';
import type { RedisSocketEmitter } from '../../adapters/realtime/redis-socket-emitter';
import { RedisUserLiveState } from '../../adapters/realtime/redis-user-live-state';
import { SocketIoEventPublisher } from '../../adapters/realtime/socket-io-event-publisher';
import type { RedisConnections } from '../../adapters/redis/redis-connections';
import { RedisTenantStatusChanges } from '../../adapters/redis/redis-tenant-status-changes';
import { removeTenantKeys } from '../../adapters/redis/tenant-redis-keys';
import { removeTenantJobs } from '../../adapters/queue/tenant-jobs';
import type { Logger } from '../../adapters/logging/logger';
import type { MongoTenantDirectory } from '../../adapters/persistence/mongo/mongo-tenant-directory';
import type { TenantTeardown } from '../../application/ports/tenant-lifecycle.port';
import type { Lifecycle } from '../lifecycle';
import { TenantForgetting } from '../tenant-forgetting';
import { moderationPortsFactory } from './moderation.module';
import type { RedisKeyedMutex } from '../../adapters/redis/redis-keyed-mutex';
import { RedisNotificationLog } from '../../adapters/redis/redis-notification-log';
import { RedisUnreadTotals } from '../../adapters/redis/redis-unread-totals';
import type { TenantPorts } from '../../adapters/tenancy/tenant-context';
import { WebhookOfflineNotifier } from '../../adapters/webhook/webhook-offline-notifier';
import type { Clock } from '../../application/ports/clock.port';
import type { TenantDirectory } from '../../application/ports/tenant-directory.port';
import type { UuidGenerator } from '../../application/ports/uuid-generator.port';
import type { Tenant } from '../../domain/tenant/tenant';
import type { Config } from '../config';
import { CachedTenantContexts, type TenantPortsFactory } from '../tenant-contexts';
import { TOKENS } from '../tokens';

/**
 * Tenant contexts for every process: a tenant's ports (tenantPortsFactory) and its use cases
 * (buildUseCases), built when the process first touches the tenant and cached.
 */
export const tenancyModule = new ContainerModule(({ bind }) => {
  bind<TenantPortsFactory>(TOKENS.TenantPorts).toDynamicValue(tenantPortsFactory).inSingletonScope();
  bind(TOKENS.TenantContexts)
    .toDynamicValue(
      (ctx) =>
        new CachedTenantContexts(
          ctx.get(TOKENS.TenantDirectory),
          ctx.get(TOKENS.TenantProvisioner),
          ctx.get<TenantPortsFactory>(TOKENS.TenantPorts),
        ),
    )
    .inSingletonScope();
  bind(TOKENS.TenantForgetting)
    .toDynamicValue(
      (ctx) =>
        new TenantForgetting(
          ctx.get<CachedTenantContexts>(TOKENS.TenantContexts),
          ctx.get<MongoTenantDirectory>(TOKENS.TenantDirectory),
        ),
    )
    .inSingletonScope();
  bind(TOKENS.TenantStatusChanges)
    .toDynamicValue((ctx) => {
      const config = ctx.get<Config>(TOKENS.Config);
      const redis = ctx.get<RedisConnections>(TOKENS.Redis).command;
      return new RedisTenantStatusChanges(redis, config.REDIS_KEY_PREFIX, ctx.get(TOKENS.TenantForgetting));
    })
    .inSingletonScope();
  bind<Lifecycle>(TOKENS.Lifecycle).toDynamicValue(tenantStatusAnnouncements).inSingletonScope();
  bind<TenantTeardown>(TOKENS.TenantTeardown).toDynamicValue(tenantTeardown).inSingletonScope();
});

/**
 * Every port of a tenant, on this process's MongoDB, Redis, queues and socket emitter: its
 * repositories on its own database, its event publisher, its job queue and what delivers work
 * (send outbox, notification log, presence, webhook, unread badges).
 */
export function tenantPortsFactory(ctx: ResolutionContext): TenantPortsFactory {
  const config = ctx.get<Config>(TOKENS.Config);
  const mongo = ctx.get<MongoDatabases>(TOKENS.Mongo);
  const redis = ctx.get<RedisConnections>(TOKENS.Redis).command;
  const mutex = ctx.get<RedisKeyedMutex>(TOKENS.KeyedMutex);
  const queues = ctx.get<BullMqQueues>(TOKENS.Queues);
  const directory = ctx.get<TenantDirectory>(TOKENS.TenantDirectory);
  const presenceKeys = ctx.get<PresenceKeys>(TOKENS.PresenceKeys);
  const emitter = ctx.get<RedisSocketEmitter>(TOKENS.SocketEmitter);
  const revocations = ctx.get<ChannelAccessRevocations>(TOKENS.AccessRevocations);
  const access = ctx.get<ChannelAccessCache>(TOKENS.ChannelAccess);
  const clock = ctx.get<Clock>(TOKENS.Clock);
  const uuids: UuidGenerator = { next: () => randomUUID() };
  const prefix = config.REDIS_KEY_PREFIX;
  const presenceEraser = new RedisPresenceEraser(redis, presenceKeys);
  const moderation = moderationPortsFactory(ctx);
  return (tenant: Tenant): TenantPorts => {
    const db = mongo.tenant(tenant.database_name, tenant.server);
    const repositories = createTenantRepositories(db, { redis, keyPrefix: prefix, mutex });
    const jobs = new BullMqJobQueue(queues, tenant.slug, config.DEPENDENCY_TIMEOUT_MS);
    const unreadTotals = new RedisUnreadTotals(redis, `${prefix}:{t:${tenant.slug}}`);
    return {
      channels: repositories.channels,
      // Removals, role and moderation changes are told to every node (ChannelAccessRevocations).
      membership: access.forTenant(tenant.slug, repositories.channelModeration, (channelId) =>
        revocations.publish(tenant.slug, channelId),
      ),
      messages: repositories.messages,
      search: repositories.search,
      readStates: repositories.readStates,
      receipts: repositories.readReceipts,
      users: repositories.users,
      reactions: repositories.reactions,
      pins: repositories.pins,
      events: new SocketIoEventPublisher(emitter, tenant.slug, revocations),
      jobs,
      clock,
      uuids,
      outbox: new MongoSendOutbox(tenantModels(db).pendingSends),
      notificationLog: new RedisNotificationLog(
        redis,
        `${prefix}:t:${tenant.slug}`,
        config.NOTIFICATION_DEDUPE_TTL_S,
      ),
      presence: new RedisPresenceReader(redis, presenceKeys, tenant.slug),
      unreadTotals,
      sendHoldMs: config.OUTBOX_MIN_AGE_MS,
      offline: new WebhookOfflineNotifier(directory, tenant.slug, jobs),
      dataReader: repositories.dataReader,
      erasures: repositories.erasures,
      liveState: new RedisUserLiveState(emitter, tenant.slug, presenceEraser, unreadTotals),
      moderation: moderation(tenant, repositories, jobs),
    };
  };
}

/** Subscribes this process (API or worker) to tenant status changes, on a connection of its own, before it serves. */
function tenantStatusAnnouncements(ctx: ResolutionContext): Lifecycle {
  const config = ctx.get<Config>(TOKENS.Config);
  const redis = ctx.get<RedisConnections>(TOKENS.Redis);
  const changes = ctx.get<RedisTenantStatusChanges>(TOKENS.TenantStatusChanges);
  const logger = ctx.get<Logger>(TOKENS.Logger);
  return {
    name: 'tenant-status-announcements',
    // A subscriber never gives a command up; RedisConnections closes it with the process.
    start: () => changes.listen(redis.subscriber('tenant-status-sub'), logger, config.DEPENDENCY_TIMEOUT_MS),
    stop: async () => undefined,
  };
}

/** Deleting a tenant: its waiting jobs, its Redis keys, its database on its server. */
function tenantTeardown(ctx: ResolutionContext): TenantTeardown {
  const config = ctx.get<Config>(TOKENS.Config);
  const mongo = ctx.get<MongoDatabases>(TOKENS.Mongo);
  const redis = ctx.get<RedisConnections>(TOKENS.Redis).command;
  const queues = ctx.get<BullMqQueues>(TOKENS.Queues);
  return {
    removeJobs: (slug) => removeTenantJobs(queues.all, slug),
    removeRedisKeys: (tenant) => removeTenantKeys(redis, config.REDIS_KEY_PREFIX, tenant),
    dropDatabase: async (tenant) => {
      await mongo.tenant(tenant.database_name, tenant.server).dropDatabase();
    },
  };
}
