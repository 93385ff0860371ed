import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { ContainerModule, type ResolutionContext } from 'inversify';
import type { Server } from 'socket.io';
import type { Logger } from '../../adapters/logging/logger';
import { PresenceKeys } from '../../adapters/presence/presence-keys';
import { RedisNodeRegistry } from '../../adapters/presence/redis-node-registry';
import { RedisPresence } from '../../adapters/presence/redis-presence';
import { RedisTypingIndicator } from '../../adapters/presence/redis-typing-indicator';
import { ChannelAccessCache } from '../../adapters/realtime/channel-access-cache';
import { ChannelAccessRevocations } from '../../adapters/realtime/channel-access-revocations';
import { ConnectionTracker } from '../../adapters/realtime/connection-tracker';
import { NodeLiveness } from '../../adapters/realtime/node-liveness';
import { RealtimeBroadcasts } from '../../adapters/realtime/realtime-broadcasts';
import { dropLocalSockets, dropTenantSockets, RealtimeServer } from '../../adapters/realtime/realtime-server';
import { RedisSocketEmitter } from '../../adapters/realtime/redis-socket-emitter';
import { ShardedChannels } from '../../adapters/realtime/sharded-channels';
import type { RedisConnections } from '../../adapters/redis/redis-connections';
import type { TenantContexts } from '../../adapters/tenancy/tenant-context';
import type { Clock } from '../../application/ports/clock.port';
import type { Config } from '../config';
import type { Lifecycle } from '../lifecycle';
import type { TenantForgetting } from '../tenant-forgetting';
import { TOKENS } from '../tokens';

/**
 * What every process needs to reach sockets on the API nodes (a tenant's EventPublisher wraps the
 * emitter) and to read presence: the Redis channel and key names, the emitter, access revocations.
 */
export const realtimeEventsModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.ShardedChannels)
    .toDynamicValue((ctx) => new ShardedChannels(ctx.get<Config>(TOKENS.Config).REDIS_KEY_PREFIX))
    .inSingletonScope();
  bind(TOKENS.PresenceKeys)
    .toDynamicValue((ctx) => new PresenceKeys(ctx.get<Config>(TOKENS.Config).REDIS_KEY_PREFIX))
    .inSingletonScope();
  bind(TOKENS.SocketEmitter)
    .toDynamicValue((ctx) => {
      const redis = ctx.get<RedisConnections>(TOKENS.Redis).command;
      return new RedisSocketEmitter(redis, ctx.get<ShardedChannels>(TOKENS.ShardedChannels));
    })
    .inSingletonScope();
  bind(TOKENS.AccessRevocations)
    .toDynamicValue((ctx) => {
      const config = ctx.get<Config>(TOKENS.Config);
      return new ChannelAccessRevocations(
        ctx.get<RedisConnections>(TOKENS.Redis).command,
        config.REDIS_KEY_PREFIX,
        ctx.get<ChannelAccessCache>(TOKENS.ChannelAccess),
      );
    })
    .inSingletonScope();
  bind(TOKENS.ChannelAccess)
    .toDynamicValue(() => new ChannelAccessCache())
    .inSingletonScope();
});

/** API nodes: the Socket.IO namespaces with the sharded Redis adapter, presence and typing. */
export const realtimeModule = new ContainerModule(({ bind }) => {
  bind<Lifecycle>(TOKENS.Lifecycle)
    .toDynamicValue((ctx) => realtimeServer(ctx))
    .inSingletonScope();
});

/** Presence, channel presence, typing and this node's heartbeat, all in Redis. */
function presenceParts(ctx: ResolutionContext, logger: Logger) {
  const config = ctx.get<Config>(TOKENS.Config);
  const clock = ctx.get<Clock>(TOKENS.Clock);
  const redis = ctx.get<RedisConnections>(TOKENS.Redis).command;
  const io = ctx.get<Server>(TOKENS.SocketServer);
  const keys = ctx.get<PresenceKeys>(TOKENS.PresenceKeys);
  const nodeId = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const presence = new RedisPresence(redis, keys, nodeId);
  const broadcasts = new RealtimeBroadcasts(ctx.get<RedisSocketEmitter>(TOKENS.SocketEmitter));
  const typing = new RedisTypingIndicator(
    redis,
    keys,
    { throttleMs: config.TYPING_THROTTLE_MS, timeoutMs: config.TYPING_TIMEOUT_MS },
    (change) => broadcasts.typing(change),
    (err) => logger.warn({ err }, 'typing update failed'),
  );
  const tracker = new ConnectionTracker(presence, broadcasts, typing, clock, logger);
  const registry = new RedisNodeRegistry(redis, keys, nodeId);
  // Swept as dead, the node's tenant set is gone: the sockets come back and record their tenants again.
  const fence = () => {
    presence.forgetRecordedTenants();
    dropLocalSockets(io);
  };
  const liveness = new NodeLiveness(registry, tracker, config.PRESENCE_TTL_MS, fence, clock, logger);
  return { presence, broadcasts, typing, tracker, liveness };
}

function realtimeServer(ctx: ResolutionContext): RealtimeServer {
  const config = ctx.get<Config>(TOKENS.Config);
  const io = ctx.get<Server>(TOKENS.SocketServer);
  // A tenant suspended or being deleted loses its sockets on every node at once.
  ctx.get<TenantForgetting>(TOKENS.TenantForgetting).onForget((tenant) => dropTenantSockets(io, tenant));
  const logger = ctx.get<Logger>(TOKENS.Logger).child({ component: 'realtime' });
  const redis = ctx.get<RedisConnections>(TOKENS.Redis);
  return new RealtimeServer({
    io,
    channels: ctx.get<ShardedChannels>(TOKENS.ShardedChannels),
    pub: redis.command,
    // Subscriptions are queued while Redis is away and replayed when it returns: never give one up.
    sub: redis.subscriber('socket.io-sub'),
    timeoutMs: config.DEPENDENCY_TIMEOUT_MS,
    access: ctx.get(TOKENS.ChannelAccess),
    revocations: ctx.get(TOKENS.AccessRevocations),
    handshake: {
      authenticator: ctx.get(TOKENS.Authenticator),
      tenants: ctx.get<TenantContexts>(TOKENS.TenantContexts),
      profiles: ctx.get(TOKENS.ProfileRefresh),
      logger,
    },
    ...presenceParts(ctx, logger),
    limits: { perSecond: config.SOCKET_EVENTS_PER_SECOND, burst: config.SOCKET_EVENTS_BURST },
    // The same Redis counters as the REST API's: one budget per user and per tenant, whatever the path.
    requestLimits: ctx.get(TOKENS.RequestLimits),
    logger,
  });
}
