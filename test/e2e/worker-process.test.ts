import assert from 'node:assert/strict';
import { deleteRedisKeys, workerTestEnv } from '../integration/workers/support/worker-harness';
import { ProcessChild } from './support/process-child';

describe('The worker process', function () {
  this.timeout(60_000);

  it('starts the queue workers and the outbox sweeper, then drains and exits 0 on SIGTERM', async () => {
    const env = workerTestEnv();
    const worker = await ProcessChild.start(env);

    const code = await worker.kill('SIGTERM');

    assert.equal(code, 0, worker.log);
    assert.match(
      worker.log,
      /"parts":\["queues","tenant-status-announcements","queue-workers","outbox-sweeper"\]/,
    );
    assert.match(worker.log, /queue workers stopped/);
    assert.match(worker.log, /worker stopped/);
    await deleteRedisKeys(env.REDIS_KEY_PREFIX);
  });
});
