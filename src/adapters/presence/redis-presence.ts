import type { RedisClient } from '../redis/redis-connections';
import { PresenceKeys } from './presence-keys';
import { PresenceScripts } from './presence-scripts';

export const PRESENCE_STATUSES = ['online', 'away', 'busy'] as const;
export type PresenceStatus = (typeof PRESENCE_STATUSES)[number];

export interface OnlineUser {
  user_id: string;
  status: PresenceStatus;
}

/**
 * Who is connected, per tenant, across every API node. A user is online while any of their sockets
 * (any namespace, any node) lives; in a channel while any of their /ws/chat/{id} sockets lives. Each
 * method reports the transition the caller must announce (first / last connection), so a user with
 * five sockets produces one `online` and one `offline`, never five.
 */
export class RedisPresence {
  private readonly scripts: PresenceScripts;
  /** Tenants this node has recorded in its tenant set (a sweep of the node visits them). */
  private readonly recorded = new Set<string>();

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: PresenceKeys,
    /** This process: its connections are counted under it, so they can be undone if it dies. */
    readonly nodeId: string,
  ) {
    this.scripts = new PresenceScripts(redis);
  }

  /** Counts a new socket of the user; true when it is their first (they came online). */
  async connected(tenant: string, userId: string): Promise<boolean> {
    await this.record(tenant);
    const k = this.keys;
    const keys = [k.connections(this.nodeId, tenant), k.online(tenant), k.status(tenant)];
    const field = PresenceKeys.onlineField(tenant, userId);
    return Number(await this.scripts.run('ACQUIRE', keys, [field, userId, '1'])) === 1;
  }

  /** Uncounts a socket; true when it was their last (they went offline at `at`). */
  async disconnected(tenant: string, userId: string, at: Date): Promise<boolean> {
    const k = this.keys;
    const keys = [k.connections(this.nodeId, tenant), k.online(tenant), k.status(tenant), k.lastSeen(tenant)];
    const field = PresenceKeys.onlineField(tenant, userId);
    const args = [field, userId, '1', at.toISOString()];
    return Number(await this.scripts.run('RELEASE', keys, args)) === 0;
  }

  /** Counts a socket in a channel's namespace; true when it is the user's first there. */
  async joinedChannel(tenant: string, channelId: string, userId: string): Promise<boolean> {
    await this.record(tenant);
    const k = this.keys;
    const keys = [k.connections(this.nodeId, tenant), k.channel(tenant, channelId), k.status(tenant)];
    const field = PresenceKeys.channelField(tenant, channelId, userId);
    return Number(await this.scripts.run('ACQUIRE', keys, [field, userId, '0'])) === 1;
  }

  /** Uncounts a socket in a channel's namespace; true when it was the user's last there. */
  async leftChannel(tenant: string, channelId: string, userId: string): Promise<boolean> {
    const k = this.keys;
    const keys = [
      k.connections(this.nodeId, tenant),
      k.channel(tenant, channelId),
      k.status(tenant),
      k.lastSeen(tenant),
    ];
    const field = PresenceKeys.channelField(tenant, channelId, userId);
    return Number(await this.scripts.run('RELEASE', keys, [field, userId, '0', ''])) === 0;
  }

  /**
   * After this node was swept as dead (its tenant set is gone): record tenants again as sockets
   * come back, so that a later sweep finds them.
   */
  forgetRecordedTenants(): void {
    this.recorded.clear();
  }

  /** Adds the tenant to this node's tenant set before its first connection there is counted. */
  private async record(tenant: string): Promise<void> {
    if (this.recorded.has(tenant)) return;
    await this.redis.sadd(this.keys.tenantsOf(this.nodeId), tenant);
    this.recorded.add(tenant);
  }

  /** Sets an online user's status; false when the user is not online (nothing changes). */
  async setStatus(tenant: string, userId: string, status: PresenceStatus): Promise<boolean> {
    const keys = [this.keys.online(tenant), this.keys.status(tenant)];
    return Number(await this.scripts.run('SET_STATUS', keys, [userId, status])) === 1;
  }

  /** The tenant's online users with their status. */
  async onlineUsers(tenant: string): Promise<OnlineUser[]> {
    const statuses = await this.redis.hgetall(this.keys.status(tenant));
    return Object.entries(statuses)
      .map(([user_id, status]) => ({ user_id, status: status as PresenceStatus }))
      .sort((a, b) => (a.user_id < b.user_id ? -1 : a.user_id > b.user_id ? 1 : 0));
  }

  /** When the user went offline (ISO), or null if never seen offline. */
  lastSeen(tenant: string, userId: string): Promise<string | null> {
    return this.redis.hget(this.keys.lastSeen(tenant), userId);
  }
}
