import type { ContainerModule } from 'inversify';
import type { Logger } from '../adapters/logging/logger';
import type { MongoDatabases } from '../adapters/persistence/mongo/mongo-databases';
import type { RedisConnections } from '../adapters/redis/redis-connections';
import type { Config } from './config';
import { buildContainer } from './container';
import { stopInReverse, type Lifecycle } from './lifecycle';
import { TOKENS } from './tokens';

/**
 * The worker process: connects MongoDB and Redis, starts every lifecycle (queue workers, outbox
 * sweeper …); `stop()` stops them in reverse (workers finish their active jobs) and disconnects.
 */
export async function startWorkerProcess(
  config: Config,
  extra: ContainerModule[] = [],
): Promise<{ stop(): Promise<void> }> {
  const container = buildContainer(config, 'worker', extra);
  const logger = container.get<Logger>(TOKENS.Logger);
  await Promise.all([
    container.get<MongoDatabases>(TOKENS.Mongo).connect(),
    container.get<RedisConnections>(TOKENS.Redis).waitUntilReady(config.DEPENDENCY_TIMEOUT_MS),
  ]);
  const parts = container.isBound(TOKENS.Lifecycle) ? container.getAll<Lifecycle>(TOKENS.Lifecycle) : [];
  for (const part of parts) await part.start();
  logger.info({ parts: parts.map((p) => p.name) }, 'worker started');
  return {
    async stop() {
      await stopInReverse(parts, logger);
      await container.get<RedisConnections>(TOKENS.Redis).close();
      await container.get<MongoDatabases>(TOKENS.Mongo).close();
      logger.info('worker stopped');
    },
  };
}
