import { randomUUID } from 'node:crypto';
import { ContainerModule } from 'inversify';
import type { MongoDatabases } from '../../adapters/persistence/mongo/mongo-databases';
import { createTenantRepositories } from '../../adapters/persistence/mongo/tenant-repositories';
import type { RedisConnections } from '../../adapters/redis/redis-connections';
import type { ChannelAccessCache } from '../../adapters/realtime/channel-access-cache';
import { RedisKeyedMutex } from '../../adapters/redis/redis-keyed-mutex';
import type { TenantPorts } from '../../adapters/tenancy/tenant-context';
import type { Clock } from '../../application/ports/clock.port';
import type { Tenant } from '../../domain/tenant/tenant';
import type { Config } from '../config';
import { CachedTenantContexts } from '../tenant-contexts';
import { TOKENS } from '../tokens';
import type { DeliveryPortsFactory } from './queue.module';
import type { EventPublisherFactory } from './realtime.module';

/**
 * Tenant contexts for every process: a tenant's repositories on its own database, its event
 * publisher and its delivery ports (queue, outbox, presence, webhook), cached per tenant.
 */
export const tenancyModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.TenantContexts)
    .toDynamicValue((ctx) => {
      const config = ctx.get<Config>(TOKENS.Config);
      const mongo = ctx.get<MongoDatabases>(TOKENS.Mongo);
      const redis = ctx.get<RedisConnections>(TOKENS.Redis).command;
      const clock = ctx.get<Clock>(TOKENS.Clock);
      const publishers = ctx.get<EventPublisherFactory>(TOKENS.TenantEventPublishers);
      const delivery = ctx.get<DeliveryPortsFactory>(TOKENS.TenantDeliveryPorts);
      const access = ctx.get<ChannelAccessCache>(TOKENS.ChannelAccess);
      // One mutex per process: its in-process queue keeps the process from polling Redis against itself.
      const mutex = new RedisKeyedMutex(redis);
      const buildPorts = (tenant: Tenant): TenantPorts => {
        const repositories = createTenantRepositories(mongo.tenant(tenant.database_name), {
          redis,
          keyPrefix: config.REDIS_KEY_PREFIX,
          mutex,
        });
        return {
          channels: repositories.channels,
          membership: access.forTenant(tenant.slug, repositories.channels),
          messages: repositories.messages,
          readStates: repositories.readStates,
          receipts: repositories.readReceipts,
          users: repositories.users,
          ids: repositories.ids,
          events: publishers(tenant),
          clock,
          uuids: { next: () => randomUUID() },
          ...delivery(tenant),
        };
      };
      return new CachedTenantContexts(
        ctx.get(TOKENS.TenantDirectory),
        ctx.get(TOKENS.TenantProvisioner),
        buildPorts,
      );
    })
    .inSingletonScope();
});
