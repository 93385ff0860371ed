/**
 * Redis key names of presence, channel presence and typing, laid out for Redis Cluster as well as
 * one Redis: every key of a tenant carries the tenant's hash tag (`{t:<slug>}`, the tag of its
 * unread badges and slow mode too), so the scripts that move a tenant's counters touch one slot and
 * tenants spread over the cluster; the nodes' own bookkeeping (heartbeats, which tenants a node has
 * connections in) shares the `{rt}` tag.
 *
 * A node counts its connections per tenant (`connections(node, tenant)`), beside the tenant's
 * counters, so a connect or disconnect is one script in one slot; a surviving node undoes a dead
 * node's connections tenant by tenant (the node's `tenants` set says which). The sweep script
 * (presence-scripts.ts) rebuilds counter keys from fields: keep the two in step. Fields are
 * `o|{tenant}|{user}` (a connection, any namespace) and `c|{tenant}|{channel}|{user}` (a connection to
 * /ws/chat/{channel}); slugs and channel ids hold no `|`, the user id comes last.
 */
export class PresenceKeys {
  constructor(private readonly redisKeyPrefix: string) {}

  /** SET of the node ids that have registered connections. */
  get nodes(): string {
    return `${this.redisKeyPrefix}:{rt}:nodes`;
  }

  /** A node's heartbeat: exists while the node lives (PX = the heartbeat TTL). */
  alive(node: string): string {
    return `${this.redisKeyPrefix}:{rt}:node:${node}:alive`;
  }

  /** SET of the tenants a node has counted connections in (what a sweep of the node visits). */
  tenantsOf(node: string): string {
    return `${this.redisKeyPrefix}:{rt}:node:${node}:tenants`;
  }

  /** The start of every presence key of the tenant: `{prefix}:{t:<slug>}:rt`. */
  tenant(tenant: string): string {
    return `${this.redisKeyPrefix}:{t:${tenant}}:rt`;
  }

  /** HASH field → how many of the node's connections in the tenant the field counts. */
  connections(node: string, tenant: string): string {
    return `${this.tenant(tenant)}:node:${node}`;
  }

  /** HASH user → live connections across nodes. */
  online(tenant: string): string {
    return `${this.tenant(tenant)}:online`;
  }

  /** HASH user → online | away | busy, for online users only. */
  status(tenant: string): string {
    return `${this.tenant(tenant)}:status`;
  }

  /** HASH user → ISO time they went offline. */
  lastSeen(tenant: string): string {
    return `${this.tenant(tenant)}:seen`;
  }

  /** HASH user → live connections to /ws/chat/{channel} across nodes. */
  channel(tenant: string, channelId: string): string {
    return `${this.tenant(tenant)}:c:${channelId}`;
  }

  /** The throttle of a typer's `is_typing: true` broadcasts. */
  typing(tenant: string, channelId: string, userId: string): string {
    return `${this.tenant(tenant)}:typing:${channelId}:${userId}`;
  }

  static onlineField(tenant: string, userId: string): string {
    return `o|${tenant}|${userId}`;
  }

  static channelField(tenant: string, channelId: string, userId: string): string {
    return `c|${tenant}|${channelId}|${userId}`;
  }
}

/** A connection field that reached zero when a node was swept. */
export type SweptField =
  | { kind: 'online'; tenant: string; userId: string }
  | { kind: 'channel'; tenant: string; channelId: string; userId: string };

export function parseField(field: string): SweptField | null {
  const online = /^o\|([^|]+)\|(.*)$/s.exec(field);
  if (online) return { kind: 'online', tenant: online[1], userId: online[2] };
  const channel = /^c\|([^|]+)\|([^|]+)\|(.*)$/s.exec(field);
  if (channel) return { kind: 'channel', tenant: channel[1], channelId: channel[2], userId: channel[3] };
  return null;
}
