import { ContainerModule } from 'inversify';
import { createLogger, type Logger } from '../../adapters/logging/logger';
import { MongoDatabases } from '../../adapters/persistence/mongo/mongo-databases';
import { MongoTenantDirectory } from '../../adapters/persistence/mongo/mongo-tenant-directory';
import { TenantMigrator } from '../../adapters/persistence/mongo/migrations/tenant-migrator';
import { MongoTenantProvisioner } from '../../adapters/persistence/mongo/mongo-tenant-provisioner';
import { RedisConnections, type RedisTarget } from '../../adapters/redis/redis-connections';
import { RedisKeyedMutex } from '../../adapters/redis/redis-keyed-mutex';
import type { DependencyCheck } from '../../adapters/http/health.router';
import type { Clock } from '../../application/ports/clock.port';
import type { Config } from '../config';
import { TOKENS } from '../tokens';

/** Config, logging, clock, MongoDB, Redis (and the process's keyed mutex) and the tenant registry: what every process needs. */
export function infrastructureModule(config: Config, processName: string): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind<Config>(TOKENS.Config).toConstantValue(config);
    bind<Logger>(TOKENS.Logger).toConstantValue(createLogger(config.LOG_LEVEL, processName));
    bind<Clock>(TOKENS.Clock).toConstantValue({ now: () => new Date() });
    bind(TOKENS.Mongo)
      .toDynamicValue(
        (ctx) =>
          new MongoDatabases(
            {
              url: config.MONGO_URL,
              servers: config.MONGO_SERVERS,
              dbPrefix: config.MONGO_DB_PREFIX,
              timeoutMs: config.DEPENDENCY_TIMEOUT_MS,
              poolSize: config.MONGO_POOL_SIZE,
            },
            ctx.get(TOKENS.Logger),
          ),
      )
      .inSingletonScope();
    bind(TOKENS.Redis)
      .toDynamicValue((ctx) => new RedisConnections(redisTarget(config), ctx.get(TOKENS.Logger)))
      .inSingletonScope();
    // One per process: its in-process queue keeps the process from polling Redis against itself.
    bind(TOKENS.KeyedMutex)
      .toDynamicValue((ctx) => new RedisKeyedMutex(ctx.get<RedisConnections>(TOKENS.Redis).command))
      .inSingletonScope();
    bind(TOKENS.TenantDirectory)
      .toDynamicValue((ctx) => {
        const mongo = ctx.get<MongoDatabases>(TOKENS.Mongo);
        return new MongoTenantDirectory(mongo.control(), {
          names: mongo.serverNames,
          databaseNameFor: (slug) => mongo.databaseNameFor(slug),
        });
      })
      .inSingletonScope();
    bind(TOKENS.TenantProvisioner)
      .toDynamicValue((ctx) => {
        const migrator = new TenantMigrator({
          mutex: ctx.get<RedisKeyedMutex>(TOKENS.KeyedMutex),
          keyPrefix: config.REDIS_KEY_PREFIX,
          log: ctx.get<Logger>(TOKENS.Logger).child({ component: 'migrations' }),
        });
        return new MongoTenantProvisioner(ctx.get<MongoDatabases>(TOKENS.Mongo), migrator);
      })
      .inSingletonScope();
    bind<DependencyCheck>(TOKENS.DependencyChecks).toDynamicValue((ctx) => ({
      name: 'mongodb',
      check: () => ctx.get<MongoDatabases>(TOKENS.Mongo).ping(),
    }));
    bind<DependencyCheck>(TOKENS.DependencyChecks).toDynamicValue((ctx) => ({
      name: 'redis',
      check: () => ctx.get<RedisConnections>(TOKENS.Redis).ping(config.DEPENDENCY_TIMEOUT_MS),
    }));
  });
}

/** One Redis (REDIS_URL), or a Redis Cluster when REDIS_CLUSTER_NODES names some of its nodes. */
export function redisTarget(config: Pick<Config, 'REDIS_URL' | 'REDIS_CLUSTER_NODES'>): RedisTarget {
  return config.REDIS_CLUSTER_NODES
    ? { clusterNodes: config.REDIS_CLUSTER_NODES }
    : { url: config.REDIS_URL };
}
