import assert from 'node:assert/strict';
import { ChatScenario } from '../../../support/builders/chat-scenario';

describe('RefreshUnreadCounts', () => {
  let s: ChatScenario;
  let channelId: string;
  beforeEach(async () => {
    s = new ChatScenario();
    channelId = (await s.group('alice', ['bob', 'carol'])).id;
  });

  async function drainUnread(): Promise<void> {
    for (const job of s.chat.jobs.drain('unread-counts'))
      await s.useCases.refreshUnreadCounts.execute(job.data);
  }

  it('stores, once the queue drains, the messages after each pointer not sent by its owner', async () => {
    await s.sendMany('alice', channelId, 2);
    await s.send('bob', channelId);
    await s.send('alice', channelId);

    await drainUnread();

    const counts = (await s.chat.readStates.listByChannel(channelId))
      .map((r) => [r.user_id, r.unread_count])
      .sort();
    assert.deepEqual(counts, [
      ['alice', 0],
      ['bob', 1],
      ['carol', 4],
    ]);
  });

  it('sends unread.update to the users whose count changed', async () => {
    await s.send('alice', channelId);

    await drainUnread();

    const updates = s.chat.events
      .ofType('unread.update')
      .map((e) => [e.user_id, e.payload.unread_count, e.payload.total_unread]);
    assert.deepEqual(updates.sort(), [
      ['bob', 1, 1],
      ['carol', 1, 1],
    ]);
  });

  it('gives the same result when a job runs again', async () => {
    await s.send('alice', channelId);
    const [job] = s.chat.jobs.inQueue('unread-counts');
    await drainUnread();

    await s.useCases.refreshUnreadCounts.execute(job.data);

    assert.equal((await s.chat.readStates.find('bob', channelId))?.unread_count, 1);
  });

  it('skips a channel that no longer exists', async () => {
    await s.useCases.refreshUnreadCounts.execute({ channel_id: 'gone', message_id: 1 });

    assert.equal(s.chat.events.ofType('unread.update').length, 0);
  });
});
