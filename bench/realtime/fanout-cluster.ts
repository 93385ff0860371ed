import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-adapter';
import { Emitter } from '@socket.io/redis-emitter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { Manager, type Socket as ClientSocket } from 'socket.io-client';
import { RedisSocketEmitter } from '../../src/adapters/realtime/redis-socket-emitter';
import type { ServerEventPayload } from '../../src/adapters/realtime/server-events';
import { ShardedChannels } from '../../src/adapters/realtime/sharded-channels';

export type Variant = 'classic' | 'sharded';

/** What one node of the bench owns: its Socket.IO server and the Redis client it subscribes with. */
export interface BenchNode {
  io: Server;
  http: HttpServer;
  url: string;
  sub: Redis;
  pub: Redis;
  /** Pub/Sub messages this node's subscriber received (every kind). */
  received: number;
}

const PREFIX = 'bench';

/** A Socket.IO node with dynamic chat namespaces and the presence namespace, on the given adapter. */
export async function startNode(variant: Variant, redisUrl: string, name: string): Promise<BenchNode> {
  const pub = new Redis(redisUrl);
  const sub = new Redis(redisUrl, { connectionName: name });
  const http = createServer();
  const io = new Server(http, { cleanupEmptyChildNamespaces: true });
  io.adapter(
    variant === 'classic'
      ? createAdapter(pub, sub, { key: `${PREFIX}:socket.io` })
      : new ShardedChannels(PREFIX).adapter(pub, sub),
  );
  const node: BenchNode = { io, http, sub, pub, url: '', received: 0 };
  for (const event of ['messageBuffer', 'pmessageBuffer', 'smessageBuffer'])
    sub.on(event, () => node.received++);
  const join = (socket: { join(room: string): void; handshake: { auth: Record<string, unknown> } }) => {
    socket.join('t:bench');
    socket.join(`u:bench:${String(socket.handshake.auth.user)}`);
  };
  io.of(/^\/ws\/chat\/[^/]+$/).on('connection', join);
  io.of('/ws/presence').on('connection', join);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  node.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  await sub.ping();
  return node;
}

export async function stopNode(node: BenchNode): Promise<void> {
  node.io.disconnectSockets(true);
  await new Promise<void>((resolve) => node.io.close(() => resolve()));
  await Promise.all([node.pub.quit(), node.sub.quit()]);
}

/** Publishes from outside the API nodes, as a worker does. */
export function publisherFor(
  variant: Variant,
  redis: Redis,
): (ns: string, room: string, payload: unknown) => Promise<void> {
  if (variant === 'classic') {
    const emitter = new Emitter(redis, { key: `${PREFIX}:socket.io` });
    return async (ns, room, payload) => void emitter.of(ns).to(room).emit('chat.message', payload);
  }
  const emitter = new RedisSocketEmitter(redis, new ShardedChannels(PREFIX));
  // Synthetic payloads: the bench measures delivery, not content.
  return (ns, room, payload) =>
    emitter.emit({ namespace: ns, room }, 'chat.message', payload as ServerEventPayload<'chat.message'>);
}

const managers = new Map<string, Manager>();

/** Connects one client socket; each (node, user) has one engine connection, as a browser tab would. */
export async function connectSocket(node: BenchNode, ns: string, user: string): Promise<ClientSocket> {
  const key = `${node.url} ${user}`;
  let manager = managers.get(key);
  if (!manager) {
    manager = new Manager(node.url, { transports: ['websocket'], reconnection: false });
    managers.set(key, manager);
  }
  // Manager#socket connects at once (autoConnect); calling connect() again would send a second CONNECT.
  const socket = manager.socket(ns, { auth: { user } });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

export function closeClients(): void {
  for (const manager of managers.values()) manager.engine?.close();
  managers.clear();
}

/** Subscriptions a Redis client holds, from CLIENT LIST (Redis 7: sub, psub, ssub). */
export async function subscriptionsOf(
  admin: Redis,
  name: string,
): Promise<{ sub: number; psub: number; ssub: number }> {
  const list = (await admin.client('LIST')) as string;
  const line = list.split('\n').find((l) => l.includes(` name=${name} `));
  const field = (key: string) => Number(new RegExp(` ${key}=(\\d+)`).exec(line ?? '')?.[1] ?? 0);
  return { sub: field('sub'), psub: field('psub'), ssub: field('ssub') };
}

/** Redis-wide figures: patterns, channels and shard channels with our prefix. */
export async function pubsubFigures(
  admin: Redis,
): Promise<{ numpat: number; channels: number; shardchannels: number }> {
  const numpat = Number(await admin.call('PUBSUB', 'NUMPAT'));
  const channels = ((await admin.call('PUBSUB', 'CHANNELS', `${PREFIX}*`)) as string[]).length;
  const shardchannels = ((await admin.call('PUBSUB', 'SHARDCHANNELS', `${PREFIX}*`)) as string[]).length;
  return { numpat, channels, shardchannels };
}
