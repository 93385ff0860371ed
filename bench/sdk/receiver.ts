/*
 * A child process of the SDK bench: K clients of one channel, either SDK clients (`sdk`: a
 * ChatClient each, watching the channel) or bare socket.io-client sockets (`raw`: the baseline, a
 * `chat.message` listener that counts). It says `ready` once every client is connected (and, for
 * the SDK, caught up), then measures its own CPU from the parent's `go` to the last expected
 * delivery, and reports it with the work it counted.
 *
 *   node --require tsx/cjs bench/sdk/receiver.ts sdk|raw <api url> <tenant> <channel id> <first user> <clients> <messages>
 */
import { io, type Socket } from 'socket.io-client';
import { ChatClient, type ChannelStats, type WatchedChannel } from '../../sdk/src';
import { userToken } from '../../test/support/tokens';

/** What a receiver reports once every client received every message. */
export interface ReceiverReport {
  mode: string;
  deliveries: number;
  cpuMicros: number;
  /** `chat.message` events that reached the clients during the window. */
  received: number;
  /** SDK only: live messages dropped as duplicates, held for a gap, and history pages read. */
  duplicates: number;
  held: number;
  pagesRead: number;
  /** REST requests the clients made during the window. */
  restCalls: number;
}

const [mode, apiUrl, tenant, channelId, userPrefix, clientCount, warmupCount, messageCount] =
  process.argv.slice(2);
const clients = Number(clientCount);
const warmup = clients * Number(warmupCount);
const expected = warmup + clients * Number(messageCount);
let deliveries = 0;
let rawReceived = 0;
let restCalls = 0;
const channels: WatchedChannel[] = [];
let window: { cpu: NodeJS.CpuUsage; stats: ChannelStats } | undefined;

function delivered(): void {
  deliveries += 1;
  if (deliveries === warmup) {
    rawReceived = 0;
    restCalls = 0;
    window = { cpu: process.cpuUsage(), stats: sdkStats() };
  }
  if (deliveries !== expected || !window) return;
  const { user, system } = process.cpuUsage(window.cpu);
  const stats = sdkStats();
  const report: ReceiverReport = {
    mode,
    deliveries: deliveries - warmup,
    cpuMicros: user + system,
    received: mode === 'sdk' ? stats.live - window.stats.live : rawReceived,
    duplicates: stats.duplicates - window.stats.duplicates,
    held: stats.held - window.stats.held,
    pagesRead: stats.pagesRead - window.stats.pagesRead,
    restCalls,
  };
  process.send?.({ report });
}

function sdkStats(): ChannelStats {
  const sum: ChannelStats = { live: 0, delivered: 0, duplicates: 0, held: 0, pagesRead: 0 };
  for (const channel of channels) {
    const stats = channel.stats;
    for (const key of Object.keys(sum) as (keyof ChannelStats)[]) sum[key] += stats[key];
  }
  return sum;
}

async function rawClient(user: string): Promise<Socket> {
  const socket = io(`${apiUrl}/ws/chat/${channelId}`, {
    auth: { token: await userToken(tenant, user, { expiresIn: 86_400 }) },
    transports: ['websocket'],
    forceNew: true,
  });
  socket.on('chat.message', () => ((rawReceived += 1), delivered()));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return socket;
}

async function sdkClient(user: string): Promise<ChatClient> {
  const countingFetch = (request: Request) => ((restCalls += 1), fetch(request));
  const client = new ChatClient({
    baseUrl: apiUrl,
    tenant,
    token: () => userToken(tenant, user, { expiresIn: 86_400 }),
    socket: { transports: ['websocket'] },
    fetch: countingFetch as typeof fetch,
  });
  const channel = client.watch(channelId, { from: 'latest' });
  const synced = channel.once('synced');
  channels.push(channel);
  channel.on('message', delivered);
  await synced;
  return client;
}

async function main(): Promise<void> {
  const users = Array.from({ length: clients }, (_, i) => `${userPrefix}${i}`);
  await Promise.all(users.map((user) => (mode === 'sdk' ? sdkClient(user) : rawClient(user))));
  process.on('message', (message) => {
    if (message === 'stop') process.exit(0);
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ ready: true });
}

main().catch((error) => {
  process.stderr.write(`receiver failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
