import assert from 'node:assert/strict';
import { QueueEvents } from 'bullmq';
import type { TenantContext } from '../../../src/adapters/tenancy/tenant-context';
import { deleteRedisKeys, drained, WorkerHarness, workerTestEnv } from './support/worker-harness';

describe('Workers: read receipts on the normal path', function () {
  this.timeout(60_000);
  let env: Record<string, string>;
  let workers: WorkerHarness;
  let context: TenantContext;
  let events: QueueEvents;
  const failures: string[] = [];

  before(async () => {
    env = workerTestEnv();
    workers = await WorkerHarness.start(env);
    context = await workers.createTenant('receipts');
    const queue = workers.queues.get('read-receipts');
    events = new QueueEvents(queue.name, { connection: { url: env.REDIS_URL }, prefix: queue.opts.prefix });
    await events.waitUntilReady();
    events.on('failed', ({ jobId, failedReason }) => failures.push(`${jobId}: ${failedReason}`));
  });

  after(async () => {
    await events.close();
    await workers.stop();
    await deleteRedisKeys(env.REDIS_KEY_PREFIX);
  });

  it('records every mark_read and skipping send at the first attempt: no job fails and retries', async () => {
    const { channel } = await context.useCases.createChannel.execute({
      userId: 'ana',
      channel_type: 'group',
      name: 'receipts',
      participant_ids: ['ben'],
    });
    for (let round = 0; round < 10; round += 1) {
      await context.useCases.sendMessage.execute({
        userId: 'ana',
        channelId: channel.id,
        content: `a${round}`,
      });
      await context.useCases.sendMessage.execute({
        userId: 'ana',
        channelId: channel.id,
        content: `b${round}`,
      });
      await context.useCases.markRead.execute({ userId: 'ben', channelId: channel.id });
      // ana skips over ben's reply: her send receipts it.
      await context.useCases.sendMessage.execute({
        userId: 'ben',
        channelId: channel.id,
        content: `c${round}`,
      });
      await context.useCases.sendMessage.execute({
        userId: 'ben',
        channelId: channel.id,
        content: `d${round}`,
      });
    }

    await drained(workers.queues);

    const completed = await workers.queues.get('read-receipts').getJobs(['completed']);
    assert.deepEqual(failures, []);
    assert.ok(completed.length >= 10, `${completed.length} receipt jobs completed`);
    assert.deepEqual(
      completed.filter((job) => job.attemptsMade > 1).map((job) => job.id),
      [],
    );
  });
});
