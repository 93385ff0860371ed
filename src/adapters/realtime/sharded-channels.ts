import { createShardedAdapter } from '@socket.io/redis-adapter';
import type { RedisClient } from '../redis/redis-connections';
import type { Namespace } from 'socket.io';
import { PRESENCE_NAMESPACE_PATTERN } from './rooms';

type Mode = 'static' | 'dynamic';

/** socket.io-adapter's ClusterAdapter message types that we publish (its wire protocol). */
export const CLUSTER_MESSAGE = { BROADCAST: 3, DISCONNECT_SOCKETS: 6 } as const;

/**
 * The Redis sharded Pub/Sub channels (SSUBSCRIBE, Redis 7) of the Socket.IO adapter, and the one rule
 * that maps a broadcast to its channel, shared by the adapter on API nodes and RedisSocketEmitter.
 *
 * - A channel namespace `/ws/chat/{id}` already is one chat channel: "static" mode, 2 Redis channels
 *   per namespace per node, and a node hears only the channels it has sockets in.
 * - `/ws/presence` holds every user of every tenant: "dynamic" mode adds one Redis channel per room
 *   (t:{tenant}, u:{tenant}:{user}), so an unread.update for one user reaches only that user's node.
 *
 * Channel names start with REDIS_KEY_PREFIX, so deployments sharing a Redis never hear each other.
 */
export class ShardedChannels {
  readonly prefix: string;

  constructor(redisKeyPrefix: string) {
    this.prefix = `${redisKeyPrefix}:socket.io`;
  }

  /** The adapter factory for `io.adapter()`: each namespace gets the mode its name calls for. */
  adapter(
    pub: RedisClient,
    sub: RedisClient,
  ): (nsp: Namespace) => ReturnType<ReturnType<typeof createShardedAdapter>> {
    const byMode = {
      static: createShardedAdapter(pub, sub, { channelPrefix: this.prefix, subscriptionMode: 'static' }),
      dynamic: createShardedAdapter(pub, sub, { channelPrefix: this.prefix, subscriptionMode: 'dynamic' }),
    };
    const modeOf = (name: string) => this.modeOf(name);
    // Socket.IO calls the factory with `new`: it must be a function, not an arrow.
    return function shardedAdapter(nsp: Namespace) {
      return byMode[modeOf(nsp.name)](nsp);
    };
  }

  /**
   * The channel a message goes to: a broadcast to one public room of a dynamic namespace has its own
   * channel, everything else the namespace's (mirrors ShardedRedisAdapter#computeChannel).
   */
  channelFor(namespace: string, type: number, rooms: readonly string[]): string {
    const base = `${this.prefix}#${namespace}#`;
    const ownChannel =
      this.modeOf(namespace) === 'dynamic' &&
      type === CLUSTER_MESSAGE.BROADCAST &&
      rooms.length === 1 &&
      !looksLikeASocketId(rooms[0]);
    return ownChannel ? `${base}${rooms[0]}#` : base;
  }

  private modeOf(namespace: string): Mode {
    return PRESENCE_NAMESPACE_PATTERN.test(namespace) ? 'dynamic' : 'static';
  }
}

/** The adapter's own test: socket ids are 20 characters, and it keeps no channel for them. */
function looksLikeASocketId(room: string): boolean {
  return room.length === 20;
}
