import { ContainerModule, type ResolutionContext } from 'inversify';
import type { HttpMount } from '../../adapters/http/app';
import type { MongoDatabases } from '../../adapters/persistence/mongo/mongo-databases';
import { PresenceKeys } from '../../adapters/presence/presence-keys';
import { RedisPresenceReader } from '../../adapters/presence/redis-presence-reader';
import { MongoSendOutbox } from '../../adapters/persistence/mongo/mongo-send-outbox';
import { tenantModels } from '../../adapters/persistence/mongo/tenant-models';
import { BullMqJobQueue } from '../../adapters/queue/bullmq-job-queue';
import { BullMqQueues } from '../../adapters/queue/bullmq-queues';
import { noStore } from '../../adapters/http/response-headers';
import {
  DASHBOARD_PATH,
  dashboardCsp,
  dashboardGate,
  queueDashboardRouter,
} from '../../adapters/queue/queue-dashboard';
import { QueueMetrics } from '../../adapters/queue/queue-metrics';
import type { RedisConnections } from '../../adapters/redis/redis-connections';
import { RedisUnreadTotals } from '../../adapters/redis/redis-unread-totals';
import { RedisNotificationLog } from '../../adapters/redis/redis-notification-log';
import type { TenantPorts } from '../../adapters/tenancy/tenant-context';
import { WebhookOfflineNotifier } from '../../adapters/webhook/webhook-offline-notifier';
import type { TenantDirectory } from '../../application/ports/tenant-directory.port';
import type { Tenant } from '../../domain/tenant/tenant';
import type { Config } from '../config';
import type { Lifecycle } from '../lifecycle';
import { TOKENS } from '../tokens';

/** The ports of a tenant that deliver work: its queue, send outbox, notification log, presence, webhook. */
export type DeliveryPorts = Pick<
  TenantPorts,
  'jobs' | 'outbox' | 'notificationLog' | 'presence' | 'offline' | 'unreadTotals' | 'sendHoldMs'
>;
export type DeliveryPortsFactory = (tenant: Tenant) => DeliveryPorts;

/**
 * The queue producers and what every process needs to hand work to the workers (API and worker
 * alike): a tenant's delivery ports, queue depth metrics, and the job dashboard (served by API nodes).
 */
export const queueModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.Queues)
    .toDynamicValue((ctx) => {
      const config = ctx.get<Config>(TOKENS.Config);
      return new BullMqQueues(ctx.get<RedisConnections>(TOKENS.Redis).command, config.REDIS_KEY_PREFIX);
    })
    .inSingletonScope();
  bind(TOKENS.QueueMetrics).toConstantValue(new QueueMetrics());
  bind<Lifecycle>(TOKENS.Lifecycle).toDynamicValue((ctx) => {
    const queues = ctx.get<BullMqQueues>(TOKENS.Queues);
    const metrics = ctx.get<QueueMetrics>(TOKENS.QueueMetrics);
    return {
      name: 'queues',
      start: async () => metrics.watch(queues.all),
      stop: async () => {
        metrics.unwatch(queues.all);
        await queues.close();
      },
    };
  });
  bind<DeliveryPortsFactory>(TOKENS.TenantDeliveryPorts)
    .toDynamicValue(deliveryPortsFactory)
    .inSingletonScope();
  bind<HttpMount>(TOKENS.HttpMounts).toDynamicValue((ctx) => ({
    path: DASHBOARD_PATH,
    handlers: [
      // Its page and data are the admin's view of the queues: never cached.
      noStore,
      dashboardCsp(),
      dashboardGate(ctx.get<Config>(TOKENS.Config).ADMIN_TOKEN),
      queueDashboardRouter(ctx.get<BullMqQueues>(TOKENS.Queues).all),
    ],
  }));
});

/** A tenant's delivery ports on this process's Redis, MongoDB and queues. */
export function deliveryPortsFactory(ctx: ResolutionContext): DeliveryPortsFactory {
  const config = ctx.get<Config>(TOKENS.Config);
  const redis = ctx.get<RedisConnections>(TOKENS.Redis).command;
  const mongo = ctx.get<MongoDatabases>(TOKENS.Mongo);
  const queues = ctx.get<BullMqQueues>(TOKENS.Queues);
  const directory = ctx.get<TenantDirectory>(TOKENS.TenantDirectory);
  const presenceKeys = new PresenceKeys(config.REDIS_KEY_PREFIX);
  return (tenant: Tenant) => {
    const jobs = new BullMqJobQueue(queues, tenant.slug, config.DEPENDENCY_TIMEOUT_MS);
    const logPrefix = `${config.REDIS_KEY_PREFIX}:t:${tenant.slug}`;
    return {
      jobs,
      outbox: new MongoSendOutbox(tenantModels(mongo.tenant(tenant.database_name)).pendingSends),
      notificationLog: new RedisNotificationLog(redis, logPrefix, config.NOTIFICATION_DEDUPE_TTL_S),
      presence: new RedisPresenceReader(redis, presenceKeys, tenant.slug),
      offline: new WebhookOfflineNotifier(directory, tenant.slug, jobs),
      sendHoldMs: config.OUTBOX_MIN_AGE_MS,
      unreadTotals: new RedisUnreadTotals(redis, `${config.REDIS_KEY_PREFIX}:{t:${tenant.slug}}`),
    };
  };
}
