import 'reflect-metadata';
import { Container, type ContainerModule } from 'inversify';
import type { Config } from './config';
import { httpModule } from './modules/http.module';
import { infrastructureModule } from './modules/infrastructure.module';

export type ProcessKind = 'api' | 'worker';

/**
 * The composition root: the only place that knows every concrete class. Tests build the same
 * container and `rebindSync` a port where they need to.
 */
export function buildContainer(config: Config, kind: ProcessKind, extra: ContainerModule[] = []): Container {
  const container = new Container({ defaultScope: 'Singleton' });
  const modules = [infrastructureModule(config, `chat-${kind}`)];
  if (kind === 'api') modules.push(httpModule);
  container.loadSync(...modules, ...extra);
  return container;
}
