import assert from 'node:assert/strict';
import type { TenantContext } from '../../../src/adapters/tenancy/tenant-context';
import { Message } from '../../../src/domain/message/message.entity';
import { assertChannelInvariants } from './support/chat-invariants';
import { deleteRedisKeys, drained, WorkerHarness, workerTestEnv } from './support/worker-harness';

describe('Outbox: sends whose process died before their jobs were enqueued', function () {
  this.timeout(60_000);
  let env: Record<string, string>;
  let workers: WorkerHarness;
  let context: TenantContext;
  let channelId: string;

  before(async () => {
    env = workerTestEnv();
    workers = await WorkerHarness.start(env);
    context = await workers.createTenant('outbox');
  });

  beforeEach(async () => {
    const { channel } = await context.useCases.createChannel.execute({
      userId: 'ana',
      channel_type: 'group',
      name: 'outbox',
      participant_ids: ['ben', 'cleo'],
    });
    channelId = channel.id;
  });

  after(async () => {
    await workers.stop();
    await deleteRedisKeys(env.REDIS_KEY_PREFIX);
  });

  /** What SendMessage does before it stores the message and after; the process "dies" in between. */
  async function storeThenDie(content: string): Promise<Message> {
    const draft = Message.draft({
      channel_id: channelId,
      user_id: 'ana',
      content,
      parent: null,
      now: new Date(),
    });
    await context.ports.outbox.open({ channel_id: channelId, user_id: 'ana', created_at: draft.created_at });
    return (await context.ports.messages.append(draft)).message;
  }

  /** Resolves once the sweeper closed every entry and the jobs it enqueued are done (bounded). */
  async function swept(): Promise<void> {
    for (let i = 0; i < 100; i += 1) {
      const open = await context.ports.outbox.openedBefore(new Date(Date.now() + 60_000), 1);
      if (open.length === 0) return drained(workers.queues);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('outbox not swept');
  }

  it('runs the follow-up of a stored message: last message, unread counts, notifications', async () => {
    const message = await storeThenDie('lost in a crash');

    await swept();

    const channel = await context.ports.channels.findById(channelId);
    assert.equal(channel?.lastMessageId, message.id);
    await assertChannelInvariants(context, channelId, ['ana', 'ben', 'cleo']);
    const view = await context.useCases.getChannel.execute({ userId: 'ben', channelId });
    assert.equal(view.unread_count, 1);
    assert.equal((await context.ports.readStates.find('ana', channelId))?.last_read_message_id, message.id);
    const job = await workers.queues
      .get('notifications')
      .getJob(`${context.tenant.slug}.notify.${channelId}.${message.id}`);
    assert.equal(await job?.getState(), 'completed');
  });

  it('closes an entry whose message was never stored', async () => {
    await context.ports.outbox.open({ channel_id: channelId, user_id: 'ana', created_at: new Date() });

    await swept();

    assert.equal((await context.ports.channels.findById(channelId))?.lastMessageId, null);
  });

  it('leaves nothing in the outbox after a normal send', async () => {
    await context.useCases.sendMessage.execute({ userId: 'ana', channelId, content: 'fine' });

    const open = await context.ports.outbox.openedBefore(new Date(Date.now() + 60_000), 10);

    assert.deepEqual(open, []);
  });
});
