import { ContainerModule } from 'inversify';
import type { HttpMount } from '../../adapters/http/app';
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
import type { Config } from '../config';
import type { Lifecycle } from '../lifecycle';
import { TOKENS } from '../tokens';

/**
 * The queue producers every process hands work to the workers with (API and worker alike; a
 * tenant's JobQueue wraps them), queue depth metrics, and the job dashboard (served by API nodes).
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
