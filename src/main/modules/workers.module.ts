import type { Processor } from 'bullmq';
import { ContainerModule } from 'inversify';
import type { Logger } from '../../adapters/logging/logger';
import type { QueueMetrics } from '../../adapters/queue/queue-metrics';
import type { RedisConnections } from '../../adapters/redis/redis-connections';
import type { TenantContexts } from '../../adapters/tenancy/tenant-context';
import { WebhookSender } from '../../adapters/webhook/webhook-sender';
import type { QueueName } from '../../application/jobs/jobs';
import type { TenantDirectory } from '../../application/ports/tenant-directory.port';
import { notificationsHandler } from '../../workers/notifications.worker';
import { OutboxSweeper } from '../../workers/outbox-sweeper';
import { QueueWorkers } from '../../workers/queue-workers';
import { readReceiptsHandler } from '../../workers/read-receipts.worker';
import { tenantProcessor } from '../../workers/tenant-job';
import { FOLLOW_UP_BATCH, unreadCountsHandler } from '../../workers/unread-counts.worker';
import { webhooksHandler } from '../../workers/webhooks.worker';
import type { Config } from '../config';
import type { Lifecycle } from '../lifecycle';
import { TOKENS } from '../tokens';

/**
 * The BullMQ workers of every queue and the outbox sweeper: loaded by the worker process, and by
 * the API process when WORKERS_INLINE=true.
 */
export const workersModule = new ContainerModule(({ bind }) => {
  bind<Lifecycle>(TOKENS.Lifecycle)
    .toDynamicValue((ctx) => {
      const config = ctx.get<Config>(TOKENS.Config);
      const logger = ctx.get<Logger>(TOKENS.Logger);
      const contexts = ctx.get<TenantContexts>(TOKENS.TenantContexts);
      const redis = ctx.get<RedisConnections>(TOKENS.Redis);
      const webhooks = webhooksHandler(
        ctx.get<TenantDirectory>(TOKENS.TenantDirectory),
        new WebhookSender(config.WEBHOOK_TIMEOUT_MS),
      );
      const processors = new Map<QueueName, Processor>([
        ['read-receipts', tenantProcessor(contexts, logger, readReceiptsHandler)],
        ['unread-counts', tenantProcessor(contexts, logger, unreadCountsHandler())],
        ['notifications', tenantProcessor(contexts, logger, notificationsHandler)],
        ['webhooks', tenantProcessor(contexts, logger, webhooks)],
      ]);
      return new QueueWorkers(
        processors,
        (role) => redis.create(role, { maxRetriesPerRequest: null }),
        {
          redisKeyPrefix: config.REDIS_KEY_PREFIX,
          concurrency: config.WORKER_CONCURRENCY,
          // A channel's follow-ups wait for each other and complete together, so taking many at
          // once costs memory, not database work, and lets a busy channel fill a batch.
          concurrencyOf: { 'unread-counts': Math.max(config.WORKER_CONCURRENCY, FOLLOW_UP_BATCH) },
          lockDurationMs: config.WORKER_LOCK_DURATION_MS,
          stalledIntervalMs: config.WORKER_STALLED_INTERVAL_MS,
        },
        logger,
        ctx.get<QueueMetrics>(TOKENS.QueueMetrics),
      );
    })
    .inSingletonScope();
  bind<Lifecycle>(TOKENS.Lifecycle)
    .toDynamicValue((ctx) => {
      const config = ctx.get<Config>(TOKENS.Config);
      return new OutboxSweeper(
        ctx.get<TenantDirectory>(TOKENS.TenantDirectory),
        ctx.get<TenantContexts>(TOKENS.TenantContexts),
        { intervalMs: config.OUTBOX_SWEEP_INTERVAL_MS, minAgeMs: config.OUTBOX_MIN_AGE_MS, batch: 500 },
        ctx.get<Logger>(TOKENS.Logger),
      );
    })
    .inSingletonScope();
});
