import { randomBytes } from 'node:crypto';
import { Cluster } from 'ioredis';
import { bullPrefix } from '../../../src/adapters/queue/bullmq-queues';
import { ProcessChild } from '../../e2e/support/process-child';
import { pendingJobs } from '../../support/pending-jobs';
import { startNodes } from '../../realtime/support/cluster';
import { ChatClient } from '../../support/chat-client';
import type { TestApi } from '../../support/test-api';
import { RUN_DB_PREFIX, testConfig, testEnv, uniqueSlug } from '../../support/test-env';
import type { SenderSpec } from './failover-burst';
import { parseClusterNode } from '../../../src/adapters/redis/redis-connections';
import { removeKeys } from '../../../src/adapters/redis/tenant-redis-keys';
import { CLUSTER_NODES, ownersOf } from './failover-cluster';

/** Everyone is in every channel; erin never sends nor reads (her pointer stays at the start). */
export const USERS = ['alice', 'bob', 'carol', 'dave', 'erin'];
const CHANNELS = 3;

/**
 * Two API nodes (`npm start`'s composition root, WORKERS_INLINE=false) in this process and a worker
 * process (`npm run worker`, as a child: its jobs do not compete with the API nodes' event loop), on
 * the Redis Cluster, with a Redis key prefix of their own; a tenant with three channels of five members.
 */
export class FailoverScene {
  readonly prefix = `chat-${RUN_DB_PREFIX}fo${randomBytes(2).toString('hex')}`;
  readonly admin = new Cluster(CLUSTER_NODES.map(parseClusterNode), {
    redisOptions: { connectTimeout: 2_000 },
  });
  nodes: TestApi[] = [];
  tenant = '';
  database = '';
  channelIds: string[] = [];
  clients: Record<string, ChatClient> = {};
  private worker?: ProcessChild;

  get env(): Record<string, string> {
    return {
      REDIS_CLUSTER_NODES: CLUSTER_NODES.join(','),
      REDIS_KEY_PREFIX: this.prefix,
      WORKERS_INLINE: 'false',
      // The burst measures failover, not the request budgets.
      RATE_LIMIT_USER_PER_MINUTE: '100000',
      RATE_LIMIT_TENANT_PER_MINUTE: '1000000',
    };
  }

  async start(): Promise<void> {
    this.nodes = await startNodes(2, this.env);
    this.worker = await ProcessChild.start(testEnv(this.env), 'worker');
    await this.createTenant();
    for (const user of USERS) this.clients[user] = await ChatClient.as(this.nodes[0], this.tenant, user);
    for (let c = 0; c < CHANNELS; c += 1) {
      const others = USERS.filter((u) => u !== 'alice');
      this.channelIds.push((await this.clients.alice.group(others, `failover ${c}`)).id);
    }
  }

  /**
   * Two senders per channel, on different nodes (alice, bob and carol each send into two channels);
   * dave marks each channel read, through the node its first sender does not use.
   */
  senders(): { senders: SenderSpec[]; readers: SenderSpec[] } {
    const as = (name: string, user: string, c: number, node: number): SenderSpec => ({
      name,
      url: this.nodes[node].url,
      tenant: this.tenant,
      channelId: this.channelIds[c],
      userId: user,
      token: this.clients[user].token,
    });
    const pairs = [
      ['alice', 'bob'],
      ['bob', 'carol'],
      ['carol', 'alice'],
    ];
    return {
      senders: pairs.flatMap(([a, b], c) => [as(`${a}.c${c}`, a, c, 0), as(`${b}.c${c}`, b, c, 1)]),
      readers: pairs.map((_, c) => as(`dave.c${c}`, 'dave', c, 1)),
    };
  }

  /** The key of the tenant's hash tag: its send locks, seq and id counters live in that slot. */
  get tenantTag(): string {
    return `${this.prefix}:{${this.database}}:seq`;
  }

  /** Waits until no job is waiting, held, active or delayed in any queue, on three reads in a row. */
  async drained(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (let idle = 0; idle < 3;) {
      if (Date.now() > deadline) throw new Error(`queues not drained after ${timeoutMs} ms`);
      const pending = await pendingJobs(this.admin, this.prefix).catch(() => -1);
      idle = pending === 0 ? idle + 1 : 0;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.stop()));
    const code = await this.worker?.kill('SIGTERM');
    if (code) throw new Error(`the worker process exited with ${code}:\n${this.worker?.log.slice(-4_000)}`);
  }

  /** Drops the scene's Redis keys (every master must be up) and disconnects. */
  async cleanUp(): Promise<void> {
    await removeKeys(this.admin, `${this.prefix}:*`).catch(() => undefined);
    this.admin.disconnect();
  }

  /**
   * A tenant whose hash tag shares its master with the unread-counts queue (the sends' held
   * follow-ups), so that killing that master hits a send's lock, seq, ids and outbox at once; after
   * a few tries, whichever tenant came last.
   */
  private async createTenant(): Promise<void> {
    const queueKey = `${bullPrefix(this.prefix, 'unread-counts', true)}:unread-counts:id`;
    const queueMaster = (await ownersOf(this.admin, queueKey)).master;
    for (let tries = 0; tries < 8; tries += 1) {
      const slug = uniqueSlug('fo');
      const res = await this.nodes[0].http
        .post('/api/admin/tenants')
        .set('Authorization', `Bearer ${testConfig().ADMIN_TOKEN}`)
        .send({ slug, name: slug });
      if (res.status !== 201) throw new Error(`tenant ${slug}: ${res.status} ${JSON.stringify(res.body)}`);
      [this.tenant, this.database] = [slug, res.body.database_name as string];
      if ((await ownersOf(this.admin, this.tenantTag)).master === queueMaster) return;
    }
  }
}
