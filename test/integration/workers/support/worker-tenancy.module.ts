import { randomUUID } from 'node:crypto';
import { ContainerModule } from 'inversify';
import type { MongoDatabases } from '../../../../src/adapters/persistence/mongo/mongo-databases';
import { createTenantRepositories } from '../../../../src/adapters/persistence/mongo/tenant-repositories';
import { RedisSocketEmitter } from '../../../../src/adapters/realtime/redis-socket-emitter';
import { ShardedChannels } from '../../../../src/adapters/realtime/sharded-channels';
import { SocketIoEventPublisher } from '../../../../src/adapters/realtime/socket-io-event-publisher';
import type { RedisConnections } from '../../../../src/adapters/redis/redis-connections';
import type { Config } from '../../../../src/main/config';
import type { DeliveryPortsFactory } from '../../../../src/main/modules/queue.module';
import { CachedTenantContexts } from '../../../../src/main/tenant-contexts';
import { TOKENS } from '../../../../src/main/tokens';

/**
 * Binds TOKENS.TenantContexts as the composition root will (real repositories, publisher and
 * delivery ports) while the container does not bind it yet; a no-op once it does.
 */
export const workerTenancyModule = new ContainerModule(({ bind, isBound }) => {
  if (isBound(TOKENS.TenantContexts)) return;
  bind(TOKENS.TenantContexts)
    .toDynamicValue((ctx) => {
      const mongo = ctx.get<MongoDatabases>(TOKENS.Mongo);
      const redis = ctx.get<RedisConnections>(TOKENS.Redis).command;
      const config = ctx.get<Config>(TOKENS.Config);
      const delivery = ctx.get<DeliveryPortsFactory>(TOKENS.TenantDeliveryPorts);
      const emitter = new RedisSocketEmitter(redis, new ShardedChannels(config.REDIS_KEY_PREFIX));
      return new CachedTenantContexts(
        ctx.get(TOKENS.TenantDirectory),
        ctx.get(TOKENS.TenantProvisioner),
        (tenant) => {
          const repos = createTenantRepositories(mongo.tenant(tenant.database_name), {
            redis,
            keyPrefix: config.REDIS_KEY_PREFIX,
          });
          return {
            ...delivery(tenant),
            channels: repos.channels,
            messages: repos.messages,
            readStates: repos.readStates,
            receipts: repos.readReceipts,
            users: repos.users,
            ids: repos.ids,
            events: new SocketIoEventPublisher(emitter, tenant.slug),
            clock: { now: () => new Date() },
            uuids: { next: () => randomUUID() },
          };
        },
      );
    })
    .inSingletonScope();
});
