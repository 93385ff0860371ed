import assert from 'node:assert/strict';
import { ChatScenario } from '../../../support/builders/chat-scenario';

describe('GetReadBy', () => {
  let s: ChatScenario;
  let channelId: string;
  beforeEach(async () => {
    s = new ChatScenario();
    channelId = (await s.group('alice', ['bob', 'carol'])).id;
  });

  /** Runs the read-receipts worker over what is queued. */
  async function drainReceipts(): Promise<void> {
    for (const job of s.chat.jobs.drain('read-receipts'))
      await s.useCases.recordReadReceipt.execute(job.data);
  }

  it('lists who read the message, with their first read, not its author', async () => {
    const [first, second] = await s.sendMany('alice', channelId, 2);
    await s.useCases.markRead.execute({ userId: 'bob', channelId, message_id: first.id });
    s.chat.clock.advance(5000);
    await s.useCases.markRead.execute({ userId: 'carol', channelId });
    await s.useCases.markRead.execute({ userId: 'bob', channelId });
    await drainReceipts();

    const readers = await s.useCases.getReadBy.execute({ userId: 'alice', channelId, messageId: first.id });
    const ofSecond = await s.useCases.getReadBy.execute({ userId: 'alice', channelId, messageId: second.id });

    assert.deepEqual(
      readers.results.map((r) => r.user_id),
      ['bob', 'carol'],
    );
    assert.deepEqual(ofSecond.results.map((r) => r.user_id).sort(), ['bob', 'carol']);
  });

  it('answers message_not_found for a message of another channel', async () => {
    const other = await s.group('alice', []);
    const elsewhere = await s.send('alice', other.id);

    await assert.rejects(
      s.useCases.getReadBy.execute({ userId: 'alice', channelId, messageId: elsewhere.id }),
      {
        code: 'message_not_found',
      },
    );
  });

  it('answers channel_not_found to a non-participant', async () => {
    const sent = await s.send('alice', channelId);

    await assert.rejects(s.useCases.getReadBy.execute({ userId: 'zed', channelId, messageId: sent.id }), {
      code: 'channel_not_found',
    });
  });
});
