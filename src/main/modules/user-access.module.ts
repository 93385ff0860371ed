import { ContainerModule } from 'inversify';
import { JwtAuthenticator } from '../../adapters/edge/jwt-authenticator';
import { ProfileRefresh } from '../../adapters/edge/profile-refresh';
import { RequestRateLimits } from '../../adapters/edge/rate-limits';
import type { RedisConnections } from '../../adapters/redis/redis-connections';
import type { Config } from '../config';
import { TOKENS } from '../tokens';

/**
 * What REST and Socket.IO share on an API node, one instance each: the token verifier, the profile
 * refresh memory (so a user is not written once per transport) and the per-user and per-tenant budgets.
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
      });
    })
    .inSingletonScope();
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
