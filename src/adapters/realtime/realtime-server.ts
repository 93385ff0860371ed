import type { RedisClient } from '../redis/redis-connections';
import type { Server } from 'socket.io';
import type { RedisTypingIndicator } from '../presence/redis-typing-indicator';
import { withTimeout } from '../redis/redis-connections';
import type { ChannelAccessCache } from './channel-access-cache';
import type { ChannelAccessRevocations } from './channel-access-revocations';
import { serveChatNamespace, type ChatDeps } from './chat.namespace';
import type { ConnectionTracker } from './connection-tracker';
import { handshake, type HandshakeDeps } from './handshake';
import { reapEmptyNamespaces } from './namespace-reaper';
import type { NodeLiveness } from './node-liveness';
import { servePresenceNamespace, type PresenceDeps } from './presence.namespace';
import {
  CHAT_NAMESPACE_PATTERN,
  PRESENCE_NAMESPACE_PATTERN,
  tenantRoom,
  TYPING_NAMESPACE_PATTERN,
} from './rooms';
import type { ShardedChannels } from './sharded-channels';
import { connectError, RealtimeUnavailableError } from './socket-errors';
import type { ServerNamespace } from './socket-session';
import { serveTypingNamespace } from './typing.namespace';

const NO_SUCH_NAMESPACE = {
  code: 'not_found',
  message: 'connect to /ws/chat/{channel_id}, /ws/typing/{channel_id} or /ws/presence',
};

export interface RealtimeServerDeps extends PresenceDeps, ChatDeps {
  io: Server;
  channels: ShardedChannels;
  /** Publishes for the adapter (the process's command connection). */
  pub: RedisClient;
  /** A dedicated connection for the adapter's subscriptions (never gives up a command). */
  sub: RedisClient;
  /** How long a handshake waits for Redis (DEPENDENCY_TIMEOUT_MS). */
  timeoutMs: number;
  /** The channel members the handshakes remember, and the removals that make them forget. */
  access: ChannelAccessCache;
  revocations: ChannelAccessRevocations;
  handshake: Omit<HandshakeDeps, 'subscriptionsSettled'>;
  tracker: ConnectionTracker;
  typing: RedisTypingIndicator;
  liveness: NodeLiveness;
}

/**
 * The Socket.IO side of an API node: the sharded Redis adapter, the three dynamic namespaces with
 * their handshake, and this node's presence heartbeat. Started before the HTTP server listens;
 * stopped after the sockets are closed (ApiNode.stop), so every disconnect is counted first.
 */
export class RealtimeServer {
  readonly name = 'realtime';

  constructor(private readonly deps: RealtimeServerDeps) {}

  /** The id this node's connections are counted under in Redis. */
  get nodeId(): string {
    return this.deps.presence.nodeId;
  }

  async start(): Promise<void> {
    const { io, channels, pub, sub, access } = this.deps;
    io.adapter(channels.adapter(pub, sub));
    this.deps.revocations.listen(
      sub,
      {
        onRevoked: (tenant, channelId) => access.revoke(tenant, channelId),
        onResubscribed: () => access.clear(),
      },
      this.deps.logger,
    );
    // The subscriber answers in order: a PING's reply means every (S)SUBSCRIBE sent before it is active.
    const settled = () =>
      withTimeout(sub.ping(), this.deps.timeoutMs, 'redis subscriptions not settled').catch(() => {
        throw new RealtimeUnavailableError('real-time delivery is unavailable; retry');
      });
    const steps = handshake({ ...this.deps.handshake, subscriptionsSettled: settled });
    const parents = [CHAT_NAMESPACE_PATTERN, TYPING_NAMESPACE_PATTERN, PRESENCE_NAMESPACE_PATTERN].map(
      (pattern) => {
        const parent = io.of(pattern) as unknown as ServerNamespace;
        for (const step of steps) parent.use(step);
        return { pattern, parent };
      },
    );
    reapEmptyNamespaces(io, parents);
    // The main namespace serves nothing: refuse it rather than hold idle unauthenticated sockets.
    io.of('/').use((_socket, next) => next(connectError(NO_SUCH_NAMESPACE)));
    serveChatNamespace(parents[0].parent, this.deps);
    serveTypingNamespace(parents[1].parent, this.deps);
    servePresenceNamespace(parents[2].parent, this.deps);
    await this.deps.liveness.start();
  }

  async stop(): Promise<void> {
    await this.deps.tracker.drain();
    this.deps.typing.close();
    await this.deps.liveness.stop();
  }
}

/**
 * Cuts every client connection of this node as a network failure would (no DISCONNECT packet, which
 * would tell clients not to come back): Socket.IO clients reconnect by themselves.
 */
export function dropLocalSockets(io: Server): void {
  for (const nsp of io._nsps.values()) for (const socket of nsp.sockets.values()) socket.conn.close();
}

/**
 * Disconnects this node's sockets of one tenant, in every namespace (its status changed: suspended
 * or being deleted). Each socket joined its tenant's room at the handshake; a client that reconnects
 * meets the handshake again, which refuses it while the tenant is not active.
 */
export function dropTenantSockets(io: Server, tenant: string): void {
  for (const nsp of io._nsps.values()) nsp.local.in(tenantRoom(tenant)).disconnectSockets(true);
}
