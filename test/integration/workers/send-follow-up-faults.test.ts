import assert from 'node:assert/strict';
import type { TenantContext, TenantPorts } from '../../../src/adapters/tenancy/tenant-context';
import type { NewMessageJobData } from '../../../src/application/jobs/jobs';
import type { CompleteSend } from '../../../src/application/messaging/complete-send.use-case';
import type { SendMessage } from '../../../src/application/messaging/send-message.use-case';
import { buildUseCases } from '../../../src/main/tenant-use-cases';
import { TcpProxy } from '../../support/tcp-proxy';
import { assertChannelInvariants } from './support/chat-invariants';
import { deleteRedisKeys, drained, WorkerHarness, workerTestEnv } from './support/worker-harness';

/** The ports a send goes through after it checked access; each of their calls is a step. */
const STEPPED_PORTS = [
  'channels',
  'messages',
  'readStates',
  'events',
  'jobs',
  'unreadTotals',
  'presence',
] as const;

/**
 * Counts the calls a send makes to its ports and, when told to, takes Redis down just before the
 * n-th one: every step from there on meets a real unreachable Redis (its locks, its queues, its
 * pub/sub), as a Redis crash in the middle of a send would.
 */
class StepFaults {
  calls: string[] = [];
  failAt: number | null = null;

  constructor(private readonly redis: TcpProxy) {}

  wrap(ports: TenantPorts): TenantPorts {
    const wrapped = { ...ports };
    for (const name of STEPPED_PORTS) wrapped[name] = this.stepped(name, ports[name]) as never;
    return wrapped;
  }

  private stepped<T extends object>(portName: string, port: T): T {
    return new Proxy(port, {
      get: (target, key, receiver) => {
        const value = Reflect.get(target, key, receiver);
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          this.calls.push(`${portName}.${String(key)}`);
          if (this.failAt === this.calls.length) await this.redis.down();
          return value.apply(target, args);
        };
      },
    });
  }
}

describe('A send and its follow-up when Redis fails between two of their steps', function () {
  this.timeout(120_000);
  let env: Record<string, string>;
  let proxy: TcpProxy;
  let workers: WorkerHarness;
  let context: TenantContext;
  let faults: StepFaults;
  let sendMessage: SendMessage;
  let completeSend: CompleteSend;
  let steps: string[];
  let followUpSteps: string[];

  before(async () => {
    proxy = new TcpProxy(await TcpProxy.reservePort(), { host: '127.0.0.1', port: 6379 });
    await proxy.up();
    env = workerTestEnv({ REDIS_URL: `redis://127.0.0.1:${proxy.port}`, DEPENDENCY_TIMEOUT_MS: '1000' });
    workers = await WorkerHarness.start(env);
    context = await workers.createTenant('follow-up');
    faults = new StepFaults(proxy);
    ({ sendMessage, completeSend } = buildUseCases(faults.wrap(context.ports)));
    steps = await stepsOfOneSend();
    followUpSteps = await stepsOfOneFollowUp();
  });

  after(async () => {
    await proxy.up().catch(() => undefined);
    await workers.stop();
    await proxy.down();
    await deleteRedisKeys(env.REDIS_KEY_PREFIX);
  });

  /** A channel where ben posted twice since ana last read: ana's next send skips over those two. */
  async function channelWithUnread(): Promise<string> {
    const { channel } = await context.useCases.createChannel.execute({
      userId: 'ana',
      channel_type: 'group',
      name: 'faults',
      participant_ids: ['ben'],
    });
    for (const content of ['one', 'two'])
      await context.useCases.sendMessage.execute({ userId: 'ben', channelId: channel.id, content });
    return channel.id;
  }

  /** The port calls of a send that succeeds, in order (what the cases below fail between). */
  async function stepsOfOneSend(): Promise<string[]> {
    const channelId = await channelWithUnread();
    faults.calls = [];
    await sendMessage.execute({ userId: 'ana', channelId, content: 'dry run', client_message_id: 'dry' });
    return [...faults.calls];
  }

  /**
   * A send whose follow-up job stays held (SendMessage with a jobs port that does not release it), so
   * that the test runs the follow-up itself before the workers do.
   */
  async function sendHeld(channelId: string, clientMessageId: string): Promise<NewMessageJobData> {
    const p = context.ports;
    const jobs = { ...p.jobs, enqueue: p.jobs.enqueue.bind(p.jobs), release: async () => undefined };
    const held = buildUseCases({ ...p, jobs, sendHoldMs: 60_000 }).sendMessage;
    const { message } = await held.execute({
      userId: 'ana',
      channelId,
      content: 'reply',
      client_message_id: clientMessageId,
    });
    return {
      channel_id: channelId,
      message_id: message.id,
      seq: message.seq,
      user_id: 'ana',
      sent_at: message.created_at,
    };
  }

  /** The port calls of a follow-up that succeeds, in order. */
  async function stepsOfOneFollowUp(): Promise<string[]> {
    const channelId = await channelWithUnread();
    const job = await sendHeld(channelId, 'dry-follow-up');
    faults.calls = [];
    await completeSend.execute(job);
    return [...faults.calls];
  }

  /** Waits until the sweeper closed every open send and the jobs it enqueued are done. */
  async function settled(): Promise<void> {
    for (let round = 0; round < 100; round += 1) {
      // Right after the outage the queues' connections may still be reconnecting: ask again.
      const open = await drained(workers.queues, 60_000)
        .then(() => context.ports.outbox.openedBefore(new Date(Date.now() + 60_000), 1))
        .catch(() => [null]);
      if (open.length === 0) return drained(workers.queues, 60_000);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('the outbox did not empty');
  }

  it('counts the steps: the send stores and publishes, the follow-up receipts, moves the pointer, counts, notifies', () => {
    for (const step of ['messages.append', 'jobs.enqueue', 'jobs.release', 'events.publish'])
      assert.ok(steps.includes(step), `${step} in ${steps.join(', ')}`);
    for (const step of ['jobs.enqueue', 'readStates.advancePointer', 'jobs.release', 'unreadTotals.record'])
      assert.ok(followUpSteps.includes(step), `${step} in ${followUpSteps.join(', ')}`);
  });

  it('loses no receipt, count or message whichever step Redis fails before, once the client retries', async () => {
    const broken: string[] = [];
    for (let step = 1; step <= steps.length; step += 1) {
      const channelId = await channelWithUnread();
      faults.calls = [];
      faults.failAt = step;

      const outcome = await sendMessage
        .execute({ userId: 'ana', channelId, content: 'reply', client_message_id: `reply-${step}` })
        .then(
          () => 'sent',
          () => 'failed',
        );
      faults.failAt = null;
      await proxy.up();
      const retried = await retryUntilSent(channelId, `reply-${step}`);
      await settled();

      const where = `Redis down before step ${step} (${steps[step - 1]}), first attempt ${outcome}`;
      try {
        const { pointers, readBy } = await assertChannelInvariants(context, channelId, ['ana', 'ben']);
        assert.equal(pointers.get('ana'), retried.seq, "ana's pointer is on her reply");
        const earlier = [...readBy.entries()].filter(([id]) => id < retried.id).map(([, readers]) => readers);
        assert.deepEqual(earlier, [['ana'], ['ana']], "ben's two messages are read by ana");
      } catch (error) {
        broken.push(`${where}: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    assert.deepEqual(broken, []);
  });

  it('loses no receipt or count whichever step of the follow-up Redis fails before, once BullMQ retries it', async () => {
    const broken: string[] = [];
    for (let step = 1; step <= followUpSteps.length; step += 1) {
      const channelId = await channelWithUnread();
      const job = await sendHeld(channelId, `follow-up-${step}`);
      faults.calls = [];
      faults.failAt = step;

      const outcome = await completeSend.execute(job).then(
        () => 'done',
        () => 'failed',
      );
      faults.failAt = null;
      await proxy.up();
      // The job failed in the worker: BullMQ runs it again (here: at once, by ending its hold).
      await releaseWhenRedisAnswers(job);
      await settled();

      const where = `Redis down before follow-up step ${step} (${followUpSteps[step - 1]}), first run ${outcome}`;
      try {
        const { pointers, readBy } = await assertChannelInvariants(context, channelId, ['ana', 'ben']);
        assert.equal(pointers.get('ana'), job.seq, "ana's pointer is on her reply");
        const earlier = [...readBy.entries()]
          .filter(([id]) => id < job.message_id)
          .map(([, readers]) => readers);
        assert.deepEqual(earlier, [['ana'], ['ana']], "ben's two messages are read by ana");
      } catch (error) {
        broken.push(`${where}: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    assert.deepEqual(broken, []);
  });

  async function releaseWhenRedisAnswers(job: NewMessageJobData): Promise<void> {
    const followUp = {
      queue: 'unread-counts' as const,
      id: `unread.${job.channel_id}.${job.message_id}`,
      data: job,
    };
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const handle = await workers.queues
        .get('unread-counts')
        .getJob(`${context.tenant.slug}.${followUp.id}`)
        .catch(() => null);
      if (handle) {
        await context.ports.jobs.release(followUp);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('the held follow-up job was not found');
  }

  /** The client's retry with the same client_message_id, until Redis answers again. */
  async function retryUntilSent(channelId: string, clientMessageId: string) {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      try {
        const { message } = await context.useCases.sendMessage.execute({
          userId: 'ana',
          channelId,
          content: 'reply',
          client_message_id: clientMessageId,
        });
        return message;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    throw new Error('the retry never went through');
  }
});
