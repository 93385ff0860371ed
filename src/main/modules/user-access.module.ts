import { ContainerModule, type ResolutionContext } from 'inversify';
import { JwtAuthenticator } from '../../adapters/edge/jwt-authenticator';
import { ProfileRefresh } from '../../adapters/edge/profile-refresh';
import { RequestRateLimits } from '../../adapters/edge/rate-limits';
import { verificationKeys } from '../../adapters/edge/signing-key-material';
import { TenantKeyCache } from '../../adapters/edge/tenant-key-cache';
import type { Logger } from '../../adapters/logging/logger';
import type { MongoDatabases } from '../../adapters/persistence/mongo/mongo-databases';
import { MongoTenantSigningKeys } from '../../adapters/persistence/mongo/mongo-tenant-signing-keys';
import { SecretBox } from '../../adapters/persistence/secret-box';
import type { RedisConnections } from '../../adapters/redis/redis-connections';
import { RedisSigningKeyChanges } from '../../adapters/redis/redis-signing-key-changes';
import type { Config } from '../config';
import type { Lifecycle } from '../lifecycle';
import { TOKENS } from '../tokens';

/**
 * What REST and Socket.IO share on an API node, one instance each: the token verifier (with the
 * tenants' signing keys, their cache and the announcements that keep every node's cache current), the
 * profile refresh memory (so a user is not written once per transport) and the per-user and
 * per-tenant budgets.
 */
export const userAccessModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.Authenticator)
    .toDynamicValue((ctx) => {
      const config = ctx.get<Config>(TOKENS.Config);
      return new JwtAuthenticator({
        secret: config.JWT_SECRET,
        publicKey: config.JWT_PUBLIC_KEY,
        issuer: config.JWT_ISSUER,
        audience: config.JWT_AUDIENCE,
        tenantKeys: ctx.get<TenantKeyCache>(TOKENS.TenantKeyCache),
      });
    })
    .inSingletonScope();
  bind(TOKENS.TenantSigningKeys).toDynamicValue(signingKeyStore).inSingletonScope();
  bind(TOKENS.TenantKeyCache)
    .toDynamicValue((ctx) => {
      const store = ctx.get<MongoTenantSigningKeys>(TOKENS.TenantSigningKeys);
      return new TenantKeyCache(async (tenant) => verificationKeys(await store.verificationKeys(tenant)));
    })
    .inSingletonScope();
  bind(TOKENS.SigningKeyChanges)
    .toDynamicValue((ctx) => {
      const config = ctx.get<Config>(TOKENS.Config);
      const redis = ctx.get<RedisConnections>(TOKENS.Redis).command;
      return new RedisSigningKeyChanges(redis, config.REDIS_KEY_PREFIX, ctx.get(TOKENS.TenantKeyCache));
    })
    .inSingletonScope();
  bind<Lifecycle>(TOKENS.Lifecycle).toDynamicValue(signingKeyAnnouncements).inSingletonScope();
  bind(TOKENS.ProfileRefresh)
    .toDynamicValue(() => new ProfileRefresh())
    .inSingletonScope();
  bind(TOKENS.RequestLimits)
    .toDynamicValue((ctx) => {
      const config = ctx.get<Config>(TOKENS.Config);
      return new RequestRateLimits(ctx.get<RedisConnections>(TOKENS.Redis).command, {
        keyPrefix: config.REDIS_KEY_PREFIX,
        userPerMinute: config.RATE_LIMIT_USER_PER_MINUTE,
        tenantPerMinute: config.RATE_LIMIT_TENANT_PER_MINUTE,
      });
    })
    .inSingletonScope();
});

/** The keys in the control database; HS256 secrets sealed with TENANT_KEYS_SECRET, when it is set. */
function signingKeyStore(ctx: ResolutionContext): MongoTenantSigningKeys {
  const config = ctx.get<Config>(TOKENS.Config);
  const logger = ctx.get<Logger>(TOKENS.Logger);
  const box = config.TENANT_KEYS_SECRET ? new SecretBox(config.TENANT_KEYS_SECRET) : null;
  return new MongoTenantSigningKeys(
    ctx.get<MongoDatabases>(TOKENS.Mongo).control(),
    box,
    (tenant, kid, err) =>
      // The reason only (another TENANT_KEYS_SECRET, none set): never the secret.
      logger.warn(
        { tenant, kid, reason: err.message },
        'a tenant signing key cannot be decrypted; it verifies no token',
      ),
  );
}

/** Subscribes this node to the announcements of changed keys, on a connection of its own, before it serves. */
function signingKeyAnnouncements(ctx: ResolutionContext): Lifecycle {
  const config = ctx.get<Config>(TOKENS.Config);
  const redis = ctx.get<RedisConnections>(TOKENS.Redis);
  const changes = ctx.get<RedisSigningKeyChanges>(TOKENS.SigningKeyChanges);
  const logger = ctx.get<Logger>(TOKENS.Logger);
  return {
    name: 'signing-key-announcements',
    // A subscriber never gives a command up; RedisConnections closes it with the process.
    start: () => changes.listen(redis.subscriber('signing-keys-sub'), logger, config.DEPENDENCY_TIMEOUT_MS),
    stop: async () => undefined,
  };
}
