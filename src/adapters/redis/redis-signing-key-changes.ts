import type { RedisClient } from './redis-connections';
import type { SigningKeyChanges } from '../../application/ports/tenant-signing-keys.port';
import { TenantAnnouncements, type ForgetsTenants } from './tenant-announcements';

/**
 * "This tenant's signing keys changed": each API node forgets the tenant's keys (TenantKeyCache) and
 * loads them again on its next token, so a revoked key stops working everywhere in milliseconds.
 */
export class RedisSigningKeyChanges extends TenantAnnouncements implements SigningKeyChanges {
  constructor(redis: RedisClient, redisKeyPrefix: string, local: ForgetsTenants) {
    super(redis, `${redisKeyPrefix}:tenant-keys-changed`, local);
  }
}
