import { Container, type ContainerModule } from 'inversify';
import type { Config } from './config';
import { dataRightsModule } from './modules/data-rights.module';
import { httpModule } from './modules/http.module';
import { infrastructureModule } from './modules/infrastructure.module';
import { moderationApiModule, moderationModule } from './modules/moderation.module';
import { queueModule } from './modules/queue.module';
import { realtimeEventsModule, realtimeModule } from './modules/realtime.module';
import { restModule } from './modules/rest.module';
import { tenancyModule } from './modules/tenancy.module';
import { userAccessModule } from './modules/user-access.module';
import { workersModule } from './modules/workers.module';

export type ProcessKind = 'api' | 'worker';

/**
 * The composition root: the only place that knows every concrete class. Tests build the same
 * container and `rebindSync` a port where they need to.
 */
export function buildContainer(config: Config, kind: ProcessKind, extra: ContainerModule[] = []): Container {
  const container = new Container({ defaultScope: 'Singleton' });
  const modules = [
    infrastructureModule(config, `chat-${kind}`),
    queueModule,
    realtimeEventsModule,
    tenancyModule,
    moderationModule,
  ];
  if (kind === 'api')
    modules.push(
      httpModule,
      restModule,
      realtimeModule,
      userAccessModule,
      dataRightsModule,
      moderationApiModule,
    );
  if (kind === 'worker' || config.WORKERS_INLINE) modules.push(workersModule);
  container.loadSync(...modules, ...extra);
  return container;
}
