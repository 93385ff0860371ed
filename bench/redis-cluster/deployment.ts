import { randomBytes } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { pendingJobs } from '../../test/support/pending-jobs';
import { freePort } from '../../test/support/free-port';
import { ChatHttp, createTenant, pooled } from '../hot-paths/chat-http';
import { benchEnv } from '../hot-paths/env';
import { Child } from '../hot-paths/processes/child';
import { connectSocket } from '../hot-paths/sockets';
import { deleteKeys, type RedisTarget } from './targets';

/**
 * A deployment on one Redis target: two API nodes and a worker process as child processes (each its
 * own event loop, `npm start`'s and `npm run worker`'s composition roots), a tenant, and one group
 * channel of `members` members, each with a /ws/chat/{id} socket; member m is on node m % 2.
 */
export class Deployment {
  readonly prefix = `chat-bench-rc${randomBytes(3).toString('hex')}`;
  readonly urls: string[] = [];
  sockets: Socket[] = [];
  tenant = '';
  channelId = '';
  private children: Child[] = [];
  private listener: (content: string) => void = () => undefined;

  constructor(readonly target: RedisTarget) {}

  async start(members: number, slug: string): Promise<void> {
    const env = benchEnv('redis://unused', { ...this.target.env, REDIS_KEY_PREFIX: this.prefix });
    const script = require.resolve('../hot-paths/processes/app-process.ts');
    for (let node = 0; node < 2; node += 1) {
      const port = await freePort();
      const childEnv = { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
      this.children.push(await Child.start(script, ['api'], childEnv));
      this.urls.push(`http://127.0.0.1:${port}`);
    }
    this.children.push(await Child.start(script, ['worker'], { ...env, LOG_LEVEL: 'warn' }));
    this.tenant = (await createTenant(this.urls[0], slug)).slug;
    const users = await Promise.all(
      Array.from({ length: members }, (_, m) => ChatHttp.as(this.urls[0], this.tenant, `member-${m}`)),
    );
    this.channelId = await users[0].group(
      users.slice(1).map((u) => u.userId),
      'fan-out',
    );
    this.sockets = new Array<Socket>(members);
    await pooled(members, 20, async (m) => {
      const url = this.urls[m % 2];
      this.sockets[m] = await connectSocket(url, `/ws/chat/${this.channelId}`, users[m].token);
      this.sockets[m].on('chat.message', (message: { content: string }) => this.listener(message.content));
    });
  }

  /** Every delivery to every member's socket: the message's content. One listener at a time. */
  onDelivery(listener: (content: string) => void): void {
    this.listener = listener;
  }

  /** Resolves once no job is pending in any queue (the follow-ups of the sends are done). */
  async drained(timeoutMs = 300_000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while ((await pendingJobs(this.target.client, this.prefix)) > 0) {
      if (performance.now() > deadline) throw new Error(`queues not drained after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket?.disconnect();
    for (const child of this.children.reverse()) await child.stop().catch(() => undefined);
    await deleteKeys(this.target.client, this.prefix).catch(() => undefined);
  }
}
