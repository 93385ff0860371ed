import { Redis } from 'ioredis';
import type { Socket } from 'socket.io-client';
import type WebSocket from 'ws';
import { ChatHttp, pooled } from './chat-http';
import { progress, setting } from './env';
import { deliveryLatency, deliveryRate, type DeliveryRate, type Fanout } from './fanout';
import { AppFanout, EmitterFanout, RawWsFanout, openWs } from './fanouts';
import { Child } from './processes/child';
import { connectSocket } from './sockets';
import type { LatencyFigures } from './stats';

export interface SocketFigures {
  sockets: number;
  /** Seconds to connect `sockets` sockets, 100 at a time: to /ws/chat/{id} of the app, to the raw server. */
  connect: { app: number; raw: number };
  /** Deliveries per second at the most: app send path, its Socket.IO layer alone, raw `ws`. */
  rate: { app: DeliveryRate; socketLayer: DeliveryRate; raw: DeliveryRate };
  /** At half the app's rate: the app, and the raw server at the same rate. */
  latency: { messagesPerSecond: number; app: LatencyFigures; raw: LatencyFigures };
}

const MEMBERS = 50;
const SENDERS = 8;

/**
 * Connects BENCH_SOCKETS sockets (default 1,500: 30 channels of 50, one user per socket) to the
 * API and to a raw `ws` server, then measures delivery into the first BENCH_FANOUT_CHANNELS (4)
 * channels: rate with 8 senders per channel, then latency at half the app's rate.
 */
export async function measureSocketDelivery(
  apiUrl: string,
  tenant: string,
  redis: { url: string; keyPrefix: string },
  seconds: number,
  workersDone: () => Promise<number>,
): Promise<SocketFigures> {
  const total = setting('BENCH_SOCKETS', 1500);
  const used = setting('BENCH_FANOUT_CHANNELS', 4);
  const channelCount = Math.ceil(total / MEMBERS);
  const members: ChatHttp[][] = [];
  const channelIds: string[] = [];
  await pooled(channelCount, 4, async (c) => {
    const users = await Promise.all(
      Array.from({ length: MEMBERS }, (_, m) => ChatHttp.as(apiUrl, tenant, `s${c}-${m}`)),
    );
    channelIds[c] = await users[0].group(
      users.slice(1).map((u) => u.userId),
      `fanout ${c}`,
    );
    members[c] = users;
  });
  progress(`sockets: ${channelCount} channels of ${MEMBERS}; connecting ${total} sockets`);
  const appSockets: Socket[][] = members.map(() => []);
  const connect = { app: 0, raw: 0 };
  connect.app = await timedConnects(total, async (i) => {
    const [c, m] = [Math.floor(i / MEMBERS), i % MEMBERS];
    appSockets[c][m] = await connectSocket(apiUrl, `/ws/chat/${channelIds[c]}`, members[c][m].token);
  });
  for (const row of appSockets.slice(used)) for (const s of row) s.disconnect();
  const raw = await Child.start(require.resolve('./processes/raw-ws-server.ts'), [], {});
  const rawSockets: WebSocket[][] = members.map(() => []);
  connect.raw = await timedConnects(total, async (i) => {
    rawSockets[Math.floor(i / MEMBERS)][i % MEMBERS] = await openWs(
      `ws://127.0.0.1:${raw.port}/c${Math.floor(i / MEMBERS)}`,
    );
  });
  for (const row of rawSockets.slice(used)) for (const s of row) s.terminate();
  const publisher = new Redis(redis.url);
  try {
    const app = new AppFanout(appSockets.slice(0, used));
    const rawFanout = new RawWsFanout(rawSockets.slice(0, used));
    const layer = new EmitterFanout(app, publisher, redis.keyPrefix, tenant, channelIds.slice(0, used));
    await workersDone();
    const appRate = await rated('app send path', app, seconds);
    await workersDone();
    const rate = {
      app: appRate,
      socketLayer: await rated('Socket.IO layer alone', layer, seconds),
      raw: await rated('raw ws', rawFanout, seconds),
    };
    // Half the app's rate (issue 10's goal), unless BENCH_LATENCY_RATE asks for another (messages/s).
    const messagesPerSecond =
      setting('BENCH_LATENCY_RATE', 0) || Math.max(0.5, rate.app.perSecond / 2 / MEMBERS);
    progress(`sockets: latency at ${messagesPerSecond.toFixed(1)} messages/s`);
    const appLatency = await deliveryLatency(app, SENDERS, messagesPerSecond, seconds);
    await workersDone();
    const latency = {
      messagesPerSecond,
      app: appLatency,
      raw: await deliveryLatency(rawFanout, SENDERS, messagesPerSecond, seconds),
    };
    await app.close();
    await rawFanout.close();
    return { sockets: total, connect, rate, latency };
  } finally {
    publisher.disconnect();
    await raw.stop();
  }
}

async function rated(label: string, fanout: Fanout, seconds: number): Promise<DeliveryRate> {
  progress(`sockets: delivery rate, ${label}, ${SENDERS} senders per channel for ${seconds} s`);
  return deliveryRate(fanout, SENDERS, seconds);
}

/** Seconds to run `connect(i)` for i < count, 100 at a time. */
async function timedConnects(count: number, connect: (i: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  await pooled(count, 100, connect);
  return (performance.now() - started) / 1000;
}
