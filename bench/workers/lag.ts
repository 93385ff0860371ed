import { io, type Socket } from 'socket.io-client';
import type { TenantContexts } from '../../src/adapters/tenancy/tenant-context';
import type { TenantDirectory } from '../../src/application/ports/tenant-directory.port';
import { newTenant } from '../../src/domain/tenant/tenant';
import { withTimeout } from '../../src/adapters/redis/redis-connections';
import { ApiNode } from '../../src/main/api-node';
import { loadConfig } from '../../src/main/config';
import { buildContainer } from '../../src/main/container';
import { TOKENS } from '../../src/main/tokens';
import { TEST_JWT_SECRET } from '../../test/support/test-env';
import { userToken } from '../../test/support/tokens';
import { benchEnv, groupChannel, percentile, pooled } from './setup';

export interface LagFigures {
  messages: number;
  /** ms from the start of a send to the unread.update that first counts it, at the recipient. */
  unreadUpdate: number[];
  /** ms from the start of a send to its chat.message at the same recipient (no queue involved). */
  chatMessage: number[];
  /** seconds from the first send to the last unread.update. */
  drainSeconds: number;
}

/**
 * A burst of `messages` sends (16 at a time) into one channel, on one API node running the workers
 * inline; ben listens on /ws/presence and /ws/chat/{id}. Compares the lag of unread.update (send →
 * unread-counts job → worker → Redis → socket) with chat.message's (published by the send itself).
 */
export async function measureLag(messages: number, concurrency: number): Promise<LagFigures> {
  const env = benchEnv({
    WORKERS_INLINE: 'true',
    WORKER_CONCURRENCY: String(concurrency),
    JWT_SECRET: TEST_JWT_SECRET,
  });
  const node = new ApiNode(buildContainer(loadConfig(env), 'api'));
  await node.start(0, '127.0.0.1');
  const sockets: Socket[] = [];
  try {
    const slug = `bench-${Date.now().toString(36)}`;
    await node.container
      .get<TenantDirectory>(TOKENS.TenantDirectory)
      .create(newTenant(slug, slug, new Date()));
    const context = await node.container.get<TenantContexts>(TOKENS.TenantContexts).forSlug(slug);
    const channelId = await groupChannel(context);
    const token = await userToken(slug, 'ben');
    const url = `http://127.0.0.1:${node.port}`;
    const presence = await connect(`${url}/ws/presence`, token, sockets);
    const chat = await connect(`${url}/ws/chat/${channelId}`, token, sockets);
    const startedAt: number[] = [];
    const chatAt: number[] = [];
    const unreadAt: number[] = [];
    let counted = 0;
    const allCounted = new Promise<void>((resolve) => {
      presence.on('unread.update', (u: { channel_id: string; unread_count: number }) => {
        const now = performance.now();
        for (; counted < u.unread_count; counted += 1) unreadAt[counted + 1] = now;
        if (counted >= messages) resolve();
      });
    });
    chat.on('chat.message', (m: { seq: number }) => (chatAt[m.seq] = performance.now()));
    const t0 = performance.now();
    await pooled(messages, 16, async () => {
      const started = performance.now();
      const { message } = await context.useCases.sendMessage.execute({
        userId: 'ana',
        channelId,
        content: 'burst',
      });
      startedAt[message.seq] = started;
    });
    await withTimeout(allCounted, 180_000, 'the burst was not counted within 180 s');
    const seqs = Array.from({ length: messages }, (_, i) => i + 1);
    return {
      messages,
      unreadUpdate: seqs.map((s) => unreadAt[s] - startedAt[s]),
      chatMessage: seqs.filter((s) => chatAt[s] !== undefined).map((s) => chatAt[s] - startedAt[s]),
      drainSeconds: (Math.max(...unreadAt.filter(Boolean)) - t0) / 1000,
    };
  } finally {
    for (const s of sockets) s.disconnect();
    await node.stop();
  }
}

async function connect(url: string, token: string, opened: Socket[]): Promise<Socket> {
  const socket = io(url, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
  opened.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

export function summary(values: number[]): string {
  return `p50 ${percentile(values, 50).toFixed(0)} ms, p95 ${percentile(values, 95).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms`;
}
