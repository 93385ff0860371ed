import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { TenantContext } from '../../src/adapters/tenancy/tenant-context';
import { tenantModels } from '../../src/adapters/persistence/mongo/tenant-models';
import type { MongoDatabases } from '../../src/adapters/persistence/mongo/mongo-databases';
import { TOKENS } from '../../src/main/tokens';
import { assertChannelInvariants } from '../integration/workers/support/chat-invariants';
import {
  deleteRedisKeys,
  drained,
  WorkerHarness,
  workerTestEnv,
} from '../integration/workers/support/worker-harness';
import { chaosJobQueueModule } from './support/chaos-job-queue.module';
import { HoldingProxy } from './support/holding-proxy';
import { ProcessChild } from './support/process-child';

const USERS = ['ana', 'ben', 'cleo'];

type Action = { kind: 'send' | 'read'; user: number; channel: number; pick: number };
const action = fc.record({
  kind: fc.constantFrom<'send' | 'read'>('send', 'read'),
  user: fc.nat(2),
  channel: fc.nat(1),
  pick: fc.nat(),
});

/** How far each user's pointer was seen to reach, per channel: the final pointer may never be behind. */
class PointerWatch {
  readonly seen = new Map<string, number>();

  note(channelId: string, userId: string, messageId: number | null): void {
    const key = `${channelId}/${userId}`;
    this.seen.set(key, Math.max(this.seen.get(key) ?? 0, messageId ?? 0));
  }
}

describe('Workers killed mid-run (SIGKILL), with duplicated and reordered jobs', function () {
  this.timeout(300_000);
  let env: Record<string, string>;
  let producer: WorkerHarness;
  let context: TenantContext;
  let worker: ProcessChild | undefined;
  let mongoProxy: HoldingProxy;

  before(async () => {
    env = workerTestEnv({ WORKER_CONCURRENCY: '4' });
    producer = await WorkerHarness.start(env, { producerOnly: true, extra: [chaosJobQueueModule] });
    context = await producer.createTenant('crash');
    mongoProxy = new HoldingProxy({ host: '127.0.0.1', port: Number(new URL(env.MONGO_URL).port || 27017) });
  });

  after(async () => {
    await worker?.kill('SIGKILL');
    await mongoProxy.close();
    await producer.stop();
    await deleteRedisKeys(env.REDIS_KEY_PREFIX);
  });

  async function channel(): Promise<string> {
    const { channel } = await context.useCases.createChannel.execute({
      userId: 'ana',
      channel_type: 'group',
      name: 'crash',
      participant_ids: ['ben', 'cleo'],
    });
    return channel.id;
  }

  async function perform(channels: string[], a: Action, sent: number[][], watch: PointerWatch) {
    const channelId = channels[a.channel];
    const userId = USERS[a.user];
    if (a.kind === 'send') {
      const { message } = await context.useCases.sendMessage.execute({ userId, channelId, content: 'x' });
      sent[a.channel].push(message.id);
      watch.note(channelId, userId, message.id);
      return;
    }
    const ids = sent[a.channel];
    const messageId = ids.length ? ids[a.pick % ids.length] : undefined;
    const result = await context.useCases.markRead.execute({ userId, channelId, message_id: messageId });
    watch.note(channelId, userId, result.last_read_message_id);
  }

  /** Resolves true once some job is active in the worker (bounded). */
  async function someJobActive(): Promise<boolean> {
    for (let i = 0; i < 500; i += 1) {
      const active = await Promise.all(producer.queues.all.map((q) => q.getActiveCount()));
      if (active.some((n) => n > 0)) return true;
      await new Promise((r) => setTimeout(r, 5));
    }
    return false;
  }

  it('keeps the unread and read_by invariants, no receipt doubled or missing, no pointer moved back', async () => {
    const actions = fc.sample(fc.array(action, { minLength: 150, maxLength: 150 }), {
      numRuns: 1,
      seed: 42,
    })[0];
    const channels = [await channel(), await channel()];
    const sent: number[][] = [[], []];
    const watch = new PointerWatch();
    // The first worker reaches MongoDB through a proxy: holding it freezes its jobs mid-flight.
    worker = await ProcessChild.start({
      ...env,
      MONGO_URL: `mongodb://127.0.0.1:${await mongoProxy.listen()}`,
    });

    for (let i = 0; i < actions.length; i += 3) {
      await Promise.all(actions.slice(i, i + 3).map((a) => perform(channels, a, sent, watch)));
      if (i === 45) {
        mongoProxy.hold();
        assert.ok(await someJobActive(), 'a job is active when the worker is killed');
        assert.equal(await worker.kill('SIGKILL'), null);
        await mongoProxy.close();
      }
      if (i === 90) worker = await ProcessChild.start(env);
    }
    await drained(producer.queues, 120_000);

    assert.match(worker.log, /stalled job recovered/, "the killed worker's jobs were taken over");

    for (const channelId of channels) {
      const { pointers } = await assertChannelInvariants(context, channelId, USERS);
      for (const user of USERS) {
        const state = await context.ports.readStates.find(user, channelId);
        assert.ok(
          (state?.last_read_message_id ?? 0) >= (watch.seen.get(`${channelId}/${user}`) ?? 0),
          'pointer never moved back',
        );
        assert.ok(pointers.get(user)! >= 0);
      }
    }
    await assertReceiptsOnePerAdvance(channels);
    for (const queue of producer.queues.all)
      assert.equal(await queue.getFailedCount(), 0, `no failed job in ${queue.name}`);
  });

  /** Each stored range is one pointer advance: none twice, none past the user's pointer. */
  async function assertReceiptsOnePerAdvance(channels: string[]): Promise<void> {
    const mongo = producer.container.get<MongoDatabases>(TOKENS.Mongo);
    const { readReceipts } = tenantModels(mongo.tenant(context.tenant.database_name));
    for (const channelId of channels) {
      const docs = await readReceipts.find({ channel_id: channelId }).lean();
      const keys = docs.map((d) => `${d.user_id}/${d.to_seq}`);
      assert.equal(new Set(keys).size, keys.length, 'no receipt doubled');
      for (const d of docs) {
        const state = await context.ports.readStates.find(d.user_id, channelId);
        assert.ok(d.to_seq <= (state?.last_read_seq ?? 0), 'no receipt past the pointer');
      }
    }
  }
});
