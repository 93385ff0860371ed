import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Cluster } from 'ioredis';
import type { TenantContexts } from '../../src/adapters/tenancy/tenant-context';
import type { MessageView } from '../../src/application/views/message.view';
import { TOKENS } from '../../src/main/tokens';
import { ProcessChild } from '../e2e/support/process-child';
import { assertChannelInvariants } from '../integration/workers/support/chat-invariants';
import { groupChannel } from '../realtime/support/cluster';
import { Sockets } from '../realtime/support/test-socket';
import type { TestApi } from '../support/test-api';
import { testEnv } from '../support/test-env';
import { BurstScene, SENDERS, onBoth } from './support/burst-scene';
import {
  RUN_KEY_PREFIX,
  clusterClient,
  clusterEnv,
  drained,
  failedJobs,
  startClusterNodes,
  stopClusterNodes,
} from './support/cluster-env';

/** 4 senders × 2 nodes × 25 = 200 messages over 3 channels. */
const SENDS_EACH = 25;

/*
 * Two API nodes and a worker process (src/main/worker.ts), all on the Redis Cluster, with a key
 * prefix of their own: the queues this file drains hold only its jobs.
 */
describe('On a Redis Cluster: a burst through two API nodes, drained by a worker process', function () {
  this.timeout(120_000);
  const prefix = `${RUN_KEY_PREFIX}${randomBytes(3).toString('hex')}`;
  let nodes: TestApi[];
  let worker: ProcessChild;
  let redis: Cluster;
  const sockets = new Sockets();

  before(async () => {
    nodes = await startClusterNodes(2, { REDIS_KEY_PREFIX: prefix });
    worker = await ProcessChild.start(testEnv(clusterEnv({ REDIS_KEY_PREFIX: prefix })));
    redis = await clusterClient();
  });
  afterEach(() => sockets.closeAll());
  after(async () => {
    await worker?.kill('SIGTERM');
    redis?.disconnect();
    await stopClusterNodes(nodes, prefix);
  });

  it('stores every acknowledged message once with gapless seqs, and keeps unread counts, badges and read_by in step', async () => {
    const scene = await BurstScene.create(nodes);
    const { chat, channels } = scene;

    const acked = await scene.burst(SENDS_EACH);
    await drained(redis, prefix);
    for (const channelId of channels) await scene.assertStoredOnce(channelId, acked.get(channelId)!);
    // eve's closing messages leave every sender something to read in every channel.
    for (const channelId of channels) await chat.users.eve.send(channelId, 'closing');
    await drained(redis, prefix);
    for (const user of SENDERS) await scene.assertBadgeAfterRead(user, sockets);
    await drained(redis, prefix);

    const context = await nodes[1].node.container
      .get<TenantContexts>(TOKENS.TenantContexts)
      .forSlug(chat.tenant);
    for (const channelId of channels)
      await assertChannelInvariants(context, channelId, Object.keys(chat.users));
    const latest = (await chat.users.eve.history(channels[0])).at(-1)!;
    const readBy = await chat.users.eve.get(`channels/${channels[0]}/messages/${latest.id}/read_by/`);
    assert.deepEqual(readBy.body.results.map((r: { user_id: string }) => r.user_id).sort(), SENDERS);
    assert.deepEqual(await failedJobs(redis, prefix), {
      'read-receipts': 0,
      'unread-counts': 0,
      notifications: 0,
      webhooks: 0,
    });
    assert.deepEqual([worker.process.exitCode, worker.process.signalCode], [null, null], worker.log);
  });

  it('stores a client_message_id sent to node A and node B, one after the other or at once, one time', async () => {
    const chat = await groupChannel(nodes[0], ['ana', 'ben']);
    const [onA, onB] = onBoth(nodes, chat, 'ana');
    const ben = await sockets.connect(nodes[1].url, `/ws/chat/${chat.channelId}`, await chat.token('ben'));
    const path = `channels/${chat.channelId}/send_message/`;

    const first = await onA.post(path, { content: 'once', client_message_id: 'k-1' });
    const repeat = await onB.post(path, { content: 'once', client_message_id: 'k-1' });
    const racing = await Promise.all(
      [0, 1, 2, 3, 4, 5, 6, 7].map((i) =>
        [onA, onB][i % 2].post(path, { content: 'race', client_message_id: 'k-2' }),
      ),
    );
    const after = await onB.send(chat.channelId, 'after');

    assert.deepEqual([first.status, repeat.status], [201, 200]);
    assert.deepEqual(repeat.body, first.body);
    assert.deepEqual(racing.map((r) => r.status).sort(), [200, 200, 200, 200, 200, 200, 200, 201]);
    const raced = racing.find((r) => r.status === 201)!.body as MessageView;
    for (const res of racing) assert.deepEqual(res.body, raced);
    assert.deepEqual(
      (await onA.history(chat.channelId)).map((m) => [m.seq, m.content, m.id]),
      [
        [1, 'once', first.body.id],
        [2, 'race', raced.id],
        [3, 'after', after.id],
      ],
    );
    await ben.next<MessageView>('chat.message', (m) => m.id === after.id);
    assert.deepEqual(
      ben.all<MessageView>('chat.message').map((m) => m.seq),
      [1, 2, 3],
    );
  });
});
