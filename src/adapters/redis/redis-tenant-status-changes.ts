import type { RedisClient } from './redis-connections';
import type { TenantStatusChanges } from '../../application/ports/tenant-lifecycle.port';
import { TenantAnnouncements, type ForgetsTenants } from './tenant-announcements';

/**
 * "This tenant was suspended, made active again or is being deleted": every process forgets its
 * context and registry entry of the tenant (the next request, handshake or job reads the status
 * again) and an API node closes the tenant's sockets.
 */
export class RedisTenantStatusChanges extends TenantAnnouncements implements TenantStatusChanges {
  constructor(redis: RedisClient, redisKeyPrefix: string, local: ForgetsTenants) {
    super(redis, `${redisKeyPrefix}:tenant-status-changed`, local);
  }
}
