import type { Redis } from 'ioredis';
import type { Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { RedisSocketEmitter } from '../../src/adapters/realtime/redis-socket-emitter';
import { chatNamespace, tenantRoom } from '../../src/adapters/realtime/rooms';
import type { ServerEventPayload } from '../../src/adapters/realtime/server-events';
import { ShardedChannels } from '../../src/adapters/realtime/sharded-channels';
import type { Fanout } from './fanout';

/** The app's path: a member's /ws/chat/{id} socket sends `chat.message` (SendMessage: stored, then published). */
export class AppFanout implements Fanout {
  constructor(readonly sockets: Socket[][]) {}

  get channels(): number {
    return this.sockets.length;
  }

  get members(): number {
    return this.sockets[0].length;
  }

  async send(c: number, m: number, content: string): Promise<boolean> {
    const ack = (await this.sockets[c][m].timeout(30_000).emitWithAck('chat.message', { content })) as {
      ok: boolean;
    };
    return ack.ok;
  }

  onDelivery(listener: (content: string) => void): void {
    for (const row of this.sockets)
      for (const s of row) s.on('chat.message', (message: { content: string }) => listener(message.content));
  }

  async close(): Promise<void> {
    for (const row of this.sockets) for (const s of row) s.disconnect();
  }
}

/**
 * The app's Socket.IO layer alone: the same sockets, fed by the emitter the workers publish with
 * (Redis sharded Pub/Sub → the API node's adapter → sockets), no storage on the way.
 */
export class EmitterFanout implements Fanout {
  private readonly emitter: RedisSocketEmitter;

  constructor(
    private readonly app: AppFanout,
    redis: Redis,
    redisKeyPrefix: string,
    private readonly tenant: string,
    private readonly channelIds: string[],
  ) {
    this.emitter = new RedisSocketEmitter(redis, new ShardedChannels(redisKeyPrefix));
  }

  get channels(): number {
    return this.channelIds.length;
  }

  get members(): number {
    return this.app.members;
  }

  async send(c: number, m: number, content: string): Promise<boolean> {
    const target = { namespace: chatNamespace(this.channelIds[c]), room: tenantRoom(this.tenant) };
    const payload = { id: 0, seq: 0, channel_id: this.channelIds[c], user_id: `member-${m}`, content };
    // Only the fields the bench reads: the emitter's type asks for the product's whole Message.
    await this.emitter.emit(target, 'chat.message', payload as ServerEventPayload<'chat.message'>);
    return true;
  }

  onDelivery(listener: (content: string) => void): void {
    this.app.onDelivery(listener);
  }

  async close(): Promise<void> {}
}

/** The baseline: bare `ws` clients of processes/raw-ws-server.ts, one room per channel. */
export class RawWsFanout implements Fanout {
  constructor(readonly sockets: WebSocket[][]) {}

  get channels(): number {
    return this.sockets.length;
  }

  get members(): number {
    return this.sockets[0].length;
  }

  async send(c: number, m: number, content: string): Promise<boolean> {
    this.sockets[c][m].send(JSON.stringify({ content }));
    return true;
  }

  onDelivery(listener: (content: string) => void): void {
    for (const row of this.sockets)
      for (const s of row)
        s.on('message', (data) => {
          const frame = JSON.parse(data.toString()) as { event: string; data: { content: string } };
          if (frame.event === 'chat.message') listener(frame.data.content);
        });
  }

  async close(): Promise<void> {
    for (const row of this.sockets) for (const s of row) s.terminate();
  }
}

/** Opens a raw WebSocket client. */
export function openWs(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}
