import assert from 'node:assert/strict';
import { BullMqQueues } from '../../src/adapters/queue/bullmq-queues';
import type { ChannelView } from '../../src/application/views/channel.view';
import type { MessageView } from '../../src/application/views/message.view';
import { SendBurst } from './support/failover-burst';
import {
  CLUSTER_NODES,
  clusterHealthy,
  killNode,
  ownersOf,
  restoreCluster,
} from './support/failover-cluster';
import { clientFigures, describeFigures, type ClientFigures } from './support/failover-figures';
import { FailoverScene, USERS } from './support/failover-scene';
import { FailoverWatch, type FailoverTimes } from './support/failover-watch';

/**
 * A request caught by the kill gets its 503 when ioredis gives up on the dead master: 16 retries,
 * each a 100 ms pause and a slot refresh, which stretch with the load (1.5-3 s quiet, more on a
 * busy machine, where the failover is slower too). Never later than this after the failover ended.
 */
const AFTER_FAILOVER_MS = 2_000;
/** However slow the failover: a 503 that takes this long is a hang, not a fast failure. */
const FAIL_FAST_MS = 8_000;
/** The 503 window: a request that left just before the failover ended may fail this long after it. */
const SLOT_REFRESH_SLACK_MS = 3_000;
const FAILOVER_BOUND_MS = 15_000;
/**
 * No request hangs: a send may wait out the failover, then the send lock its channel held at the
 * kill (replicated, so it outlives its holder until its 5 s TTL), but it is answered.
 */
const NO_HANG_MS = 10_000;

describe('A Redis Cluster master SIGKILLed during a burst of sends through two API nodes', function () {
  this.timeout(120_000);
  const scene = new FailoverScene();
  const burst = new SendBurst();
  let killed = false;
  let failover: FailoverTimes;
  let figures: ClientFigures;
  const histories = new Map<string, MessageView[]>();

  before(async function () {
    this.timeout(300_000);
    if (!(await clusterHealthy())) await restoreCluster();
    await scene.start();
    const { senders, readers } = scene.senders();
    burst.start(senders, readers);
    await until(() => burst.acked.size >= 40, 60_000);

    // The master of the tenant's hash tag: every send takes its channel's lock, seq and ids there
    // (and, as the scene chose the tenant, holds its follow-up job in the queue there).
    const owners = await ownersOf(scene.admin, scene.tenantTag);
    await killNode(owners.master);
    const killedAt = performance.now();
    killed = true;
    const survivors = CLUSTER_NODES.filter((node) => node !== owners.master);
    failover = await new FailoverWatch(killedAt, owners.replicas[0], survivors).done();
    const ackedAtFailover = burst.acked.size;
    const over = killedAt + (failover.okMs ?? 0);
    // Sends go on after the failover; if they never recover, the assertions below say so.
    const recovered = () => burst.acked.size >= ackedAtFailover + 40 && performance.now() > over + 3_000;
    await until(recovered, 60_000).catch(() => undefined);
    await burst.stop();
    figures = clientFigures(burst.attempts, killedAt, failover);
    console.log(describeFigures(figures, failover));

    await scene.drained(120_000);
    for (const channelId of scene.channelIds)
      histories.set(channelId, await scene.clients.erin.history(channelId));
  });

  after(async function () {
    this.timeout(180_000);
    await burst.stop(0);
    try {
      await scene.stop();
    } finally {
      if (killed) await restoreCluster();
      await scene.cleanUp();
    }
  });

  it('answers every request with 201, 200, 503 or 429, and each 503 fast', () => {
    const statuses = [...Object.keys(figures.sendStatuses), ...Object.keys(figures.readStatuses)];

    assert.deepEqual(
      statuses.filter((s) => !['200', '201', '503', '429'].includes(s)),
      [],
      `sends ${JSON.stringify(figures.sendStatuses)}, mark_read ${JSON.stringify(figures.readStatuses)}`,
    );
    assert.ok(
      figures.slowestUnavailableMs < Math.min(FAIL_FAST_MS, (failover.okMs ?? 0) + AFTER_FAILOVER_MS),
      `slowest 503: ${figures.slowestUnavailableMs} ms, failover over ${failover.okMs} ms after the kill`,
    );
    assert.ok(figures.slowestMs < NO_HANG_MS, `slowest request: ${figures.slowestMs} ms`);
  });

  it('serves 503s no longer than the failover lasts, then acknowledges sends again, no process restarted', () => {
    assert.ok(
      failover.okMs !== null && failover.okMs < FAILOVER_BOUND_MS,
      `failover: ${JSON.stringify(failover)}`,
    );
    assert.ok(
      figures.lastFailureMs === null || figures.lastFailureMs < failover.okMs + SLOT_REFRESH_SLACK_MS,
      `last failure ${figures.lastFailureMs} ms after the kill, failover over at ${failover.okMs} ms`,
    );
    assert.ok(figures.recoveredMs !== null && figures.recoveredMs < FAILOVER_BOUND_MS);
    assert.ok(figures.ackedAfterFailover >= 20, `${figures.ackedAfterFailover} sends after the failover`);
    assert.deepEqual(burst.unacked, [], 'every send was acknowledged in the end');
  });

  it('stores every acknowledged message once, with seqs 1..N and ids ascending in each channel', () => {
    for (const [channelId, history] of histories) {
      const acked = [...burst.acked].filter(([, a]) => a.channelId === channelId);
      const stored = new Map(history.map((m) => [m.client_message_id, m]));

      assert.equal(stored.size, history.length, `one message per client_message_id in ${channelId}`);
      assert.equal(history.length, acked.length, `every message of ${channelId} was acknowledged once`);
      for (const [clientMessageId, ack] of acked)
        assert.equal(stored.get(clientMessageId)?.id, ack.id, `${clientMessageId} stored as acknowledged`);
      assert.deepEqual(
        history.map((m) => m.seq),
        history.map((_, i) => i + 1),
        `seqs of ${channelId}`,
      );
      assert.ok(
        history.every((m, i) => i === 0 || history[i - 1].id < m.id),
        `ids ascend with seq in ${channelId}`,
      );
    }
  });

  it("completes every message's follow-up, and each member's unread count matches the history", async () => {
    const queues = new BullMqQueues(scene.admin, scene.prefix);
    const followUps = queues.get('unread-counts');
    try {
      for (const [channelId, history] of histories) {
        for (const m of history) {
          const state = await followUps.getJobState(`${scene.tenant}.unread.${channelId}.${m.id}`);
          assert.equal(state, 'completed', `follow-up of message ${m.id} (seq ${m.seq}) in ${channelId}`);
        }
        for (const user of USERS) {
          const res = await scene.clients[user].get(`channels/${channelId}/`);
          const view = res.body as ChannelView;
          const pointer = view.last_read_message_id ?? 0;
          const expected = history.filter((m) => m.id > pointer && m.user_id !== user).length;

          assert.equal(res.status, 200);
          assert.ok(pointer === 0 || history.some((m) => m.id === pointer), `${user}'s pointer is a message`);
          assert.equal(
            view.unread_count,
            expected,
            `unread_count of ${user} in ${channelId} (pointer ${pointer})`,
          );
        }
      }
    } finally {
      await queues.close();
    }
  });
});

/** Resolves once `check()` holds, polling every 50 ms; rejects after `timeoutMs`. */
async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
