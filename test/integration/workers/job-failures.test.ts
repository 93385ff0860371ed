import assert from 'node:assert/strict';
import { QueueEvents } from 'bullmq';
import { deleteRedisKeys, WorkerHarness, workerTestEnv } from './support/worker-harness';

describe('Workers: failed jobs', function () {
  this.timeout(30_000);
  let env: Record<string, string>;
  let workers: WorkerHarness;

  before(async () => {
    env = workerTestEnv();
    workers = await WorkerHarness.start(env);
  });

  after(async () => {
    await workers.stop();
    await deleteRedisKeys(env.REDIS_KEY_PREFIX);
  });

  it('fails a job of an unknown tenant at once, without retries, and keeps it for inspection', async () => {
    const queue = workers.queues.get('unread-counts');
    const events = new QueueEvents(queue.name, {
      connection: { url: env.REDIS_URL },
      prefix: queue.opts.prefix,
    });
    await events.waitUntilReady();
    const failed = new Promise<string>((resolve) =>
      events.on('failed', ({ failedReason }) => resolve(failedReason)),
    );

    const job = await queue.add('unread-counts', {
      tenant: 'no-such-tenant',
      channel_id: 'c',
      message_id: 1,
    });

    assert.match(await failed, /^tenant_not_found/);
    const kept = await queue.getJob(job.id!);
    assert.equal(await kept?.getState(), 'failed');
    assert.equal(kept?.attemptsMade, 1);
    await events.close();
  });
});
