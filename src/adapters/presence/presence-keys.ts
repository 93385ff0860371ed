/**
 * Redis key names of presence, channel presence and typing. All of a tenant's keys carry its slug;
 * node keys are the bookkeeping that lets a surviving node undo a dead node's connections.
 *
 * The sweep script (presence-scripts.ts) rebuilds tenant keys from a node's fields: keep the two in
 * step. Fields are `o|{tenant}|{user}` (a connection, any namespace) and `c|{tenant}|{channel}|{user}`
 * (a connection to /ws/chat/{channel}); slugs and channel ids hold no `|`, the user id comes last.
 */
export class PresenceKeys {
  readonly base: string;

  constructor(redisKeyPrefix: string) {
    this.base = `${redisKeyPrefix}:rt`;
  }

  /** SET of the node ids that have registered connections. */
  get nodes(): string {
    return `${this.base}:nodes`;
  }

  /** A node's heartbeat: exists while the node lives (PX = the heartbeat TTL). */
  alive(node: string): string {
    return `${this.base}:node:${node}:alive`;
  }

  /** HASH field → how many of that node's connections the field counts. */
  connections(node: string): string {
    return `${this.base}:node:${node}:conns`;
  }

  /** HASH user → live connections across nodes. */
  online(tenant: string): string {
    return `${this.base}:t:${tenant}:online`;
  }

  /** HASH user → online | away | busy, for online users only. */
  status(tenant: string): string {
    return `${this.base}:t:${tenant}:status`;
  }

  /** HASH user → ISO time they went offline. */
  lastSeen(tenant: string): string {
    return `${this.base}:t:${tenant}:seen`;
  }

  /** HASH user → live connections to /ws/chat/{channel} across nodes. */
  channel(tenant: string, channelId: string): string {
    return `${this.base}:t:${tenant}:c:${channelId}`;
  }

  /** The throttle of a typer's `is_typing: true` broadcasts. */
  typing(tenant: string, channelId: string, userId: string): string {
    return `${this.base}:t:${tenant}:typing:${channelId}:${userId}`;
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
