import assert from 'node:assert/strict';
import type { TenantContext, TenantPorts } from '../../../src/adapters/tenancy/tenant-context';
import { SendMessage } from '../../../src/application/messaging/send-message.use-case';
import { TcpProxy } from '../../support/tcp-proxy';
import { assertChannelInvariants } from './support/chat-invariants';
import { deleteRedisKeys, drained, WorkerHarness, workerTestEnv } from './support/worker-harness';

/** The ports a send goes through after it checked access; each of their calls is a step. */
const STEPPED_PORTS = ['channels', 'messages', 'readStates', 'events', 'jobs', 'outbox'] as const;

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

describe('SendMessage when Redis fails between two steps of the send', function () {
  this.timeout(120_000);
  let env: Record<string, string>;
  let proxy: TcpProxy;
  let workers: WorkerHarness;
  let context: TenantContext;
  let faults: StepFaults;
  let sendMessage: SendMessage;
  let steps: string[];

  before(async () => {
    proxy = new TcpProxy(await TcpProxy.reservePort(), { host: '127.0.0.1', port: 6379 });
    await proxy.up();
    env = workerTestEnv({ REDIS_URL: `redis://127.0.0.1:${proxy.port}`, DEPENDENCY_TIMEOUT_MS: '1000' });
    workers = await WorkerHarness.start(env);
    context = await workers.createTenant('follow-up');
    faults = new StepFaults(proxy);
    const p = faults.wrap(context.ports);
    sendMessage = new SendMessage(p.channels, p.messages, p.readStates, p.events, p.jobs, p.clock, p.outbox);
    steps = await stepsOfOneSend();
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

  it('goes through at least the steps of the follow-up (receipt, pointer, publish, jobs)', () => {
    for (const step of ['jobs.enqueue', 'readStates.advancePointer', 'events.publish', 'outbox.close'])
      assert.ok(steps.includes(step), `${step} in ${steps.join(', ')}`);
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
