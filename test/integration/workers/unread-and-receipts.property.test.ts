import fc from 'fast-check';
import type { TenantContext } from '../../../src/adapters/tenancy/tenant-context';
import { assertChannelInvariants } from './support/chat-invariants';
import { deleteRedisKeys, drained, WorkerHarness, workerTestEnv } from './support/worker-harness';

const USERS = ['ana', 'ben', 'cleo'] as const;
const CHANNELS = 2;

type Action =
  | { kind: 'send'; user: number; channel: number }
  | { kind: 'read'; user: number; channel: number; latest: boolean; pick: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('send' as const), user: fc.nat(2), channel: fc.nat(CHANNELS - 1) }),
  fc.record({
    kind: fc.constant('read' as const),
    user: fc.nat(2),
    channel: fc.nat(CHANNELS - 1),
    latest: fc.boolean(),
    pick: fc.nat(),
  }),
);
/** Actions in groups run concurrently: the groups give the interleavings. */
const script = fc.array(fc.array(action, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 10 });

export async function createChannels(context: TenantContext, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const { channel } = await context.useCases.createChannel.execute({
      userId: USERS[0],
      channel_type: 'group',
      name: `room ${i}`,
      participant_ids: USERS.slice(1),
    });
    ids.push(channel.id);
  }
  return ids;
}

/** Runs one action the way the REST handlers do; a mark_read picks one of the channel's messages. */
export async function perform(
  context: TenantContext,
  channels: string[],
  a: Action,
  sent: Map<string, number[]>,
) {
  const channelId = channels[a.channel];
  const userId = USERS[a.user];
  if (a.kind === 'send') {
    const { message } = await context.useCases.sendMessage.execute({
      userId,
      channelId,
      content: `hi from ${userId}`,
    });
    sent.set(channelId, [...(sent.get(channelId) ?? []), message.id]);
    return;
  }
  const ids = sent.get(channelId) ?? [];
  const messageId = a.latest || ids.length === 0 ? undefined : ids[a.pick % ids.length];
  await context.useCases.markRead.execute({ userId, channelId, message_id: messageId });
}

describe('Workers: unread counts and read receipts', function () {
  this.timeout(240_000);
  let env: Record<string, string>;
  let workers: WorkerHarness;
  let context: TenantContext;

  before(async () => {
    env = workerTestEnv();
    workers = await WorkerHarness.start(env);
    context = await workers.createTenant('prop');
  });

  after(async () => {
    await workers.stop();
    await deleteRedisKeys(env.REDIS_KEY_PREFIX);
  });

  it('after any interleaving of sends and mark_reads, unread counts and read_by follow the pointers', async () => {
    const property = fc.asyncProperty(script, async (groups) => {
      const channels = await createChannels(context, CHANNELS);
      const sent = new Map<string, number[]>();

      for (const group of groups) await Promise.all(group.map((a) => perform(context, channels, a, sent)));
      await drained(workers.queues);

      for (const channelId of channels) await assertChannelInvariants(context, channelId, USERS);
    });

    await fc.assert(property, { numRuns: Number(process.env.PROPERTY_RUNS ?? 15), endOnFailure: true });
  });
});
