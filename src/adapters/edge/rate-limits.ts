import type { RedisClient } from '../redis/redis-connections';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { EdgeError } from './edge-error';

export interface RateLimitOptions {
  /** Prefix of the counters' Redis keys (the deployment's REDIS_KEY_PREFIX). */
  keyPrefix: string;
  userPerMinute: number;
  tenantPerMinute: number;
}

type Scope = 'user' | 'tenant';

/**
 * Request budgets per user (of a tenant) and per tenant, counted in Redis over fixed one-minute
 * windows so that every API node shares them. Each tenant has its own counter: a noisy tenant
 * exhausts its own budget, never another's.
 *
 * If Redis is unreachable, each limiter falls back at once to an in-memory limiter with the same
 * budget (rate-limiter-flexible's insurance limiter): the limits then hold per process instead of
 * per deployment, and requests keep being served. Limiting must not become the outage.
 */
export class RequestRateLimits {
  private readonly perUser: RateLimiterAbstract;
  private readonly perTenant: RateLimiterAbstract;

  constructor(redis: RedisClient, options: RateLimitOptions) {
    this.perUser = limiter(redis, `${options.keyPrefix}:rate:user`, options.userPerMinute);
    this.perTenant = limiter(redis, `${options.keyPrefix}:rate:tenant`, options.tenantPerMinute);
  }

  /**
   * Counts one request of the user; throws 429 `rate_limited` (with Retry-After) when the user's or
   * the tenant's budget is spent. A user already over their own budget does not spend the tenant's.
   */
  async consume(tenant: string, userId: string): Promise<void> {
    // Slugs contain no ':', so the first ':' separates tenant and user unambiguously.
    await take(this.perUser, `${tenant}:${userId}`, 'user');
    await take(this.perTenant, tenant, 'tenant');
  }
}

function limiter(redis: RedisClient, keyPrefix: string, points: number): RateLimiterAbstract {
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix,
    points,
    duration: 60,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: 60 }),
  });
}

async function take(limiter: RateLimiterAbstract, key: string, scope: Scope): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new EdgeError(
      429,
      'rate_limited',
      `too many requests for this ${scope}; retry in ${retryAfter} s`,
      { scope, retry_after_seconds: retryAfter },
      { 'Retry-After': String(retryAfter) },
    );
  }
}
