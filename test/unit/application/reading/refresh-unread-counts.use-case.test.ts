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

  function updates(): [string | undefined, number, number][] {
    return s.chat.events
      .ofType('unread.update')
      .map((e) => [e.user_id, e.payload.unread_count, e.payload.total_unread]);
  }

  it('shows each participant the messages after their pointer not sent by them', async () => {
    await s.sendMany('alice', channelId, 2);
    await s.send('bob', channelId);
    await s.send('alice', channelId);

    await drainUnread();

    const counts = [];
    for (const userId of ['alice', 'bob', 'carol']) {
      const view = await s.useCases.getChannel.execute({ userId, channelId });
      counts.push([userId, view.unread_count]);
    }
    assert.deepEqual(counts, [
      ['alice', 0],
      ['bob', 1],
      ['carol', 4],
    ]);
  });

  it('sends unread.update to the users whose count changed, with their total over channels', async () => {
    const other = (await s.group('dan', ['bob'])).id;
    await s.send('dan', other);
    await drainUnread();
    s.chat.events.clear();

    await s.send('alice', channelId);
    await drainUnread();

    assert.deepEqual(updates().sort(), [
      ['bob', 1, 2],
      ['carol', 1, 1],
    ]);
  });

  it('leaves a muted channel out of the total', async () => {
    await s.useCases.muteChannel.execute({ userId: 'bob', channelId });

    await s.send('alice', channelId);
    await drainUnread();

    assert.deepEqual(
      updates().find(([user]) => user === 'bob'),
      undefined,
    );
    assert.deepEqual(
      updates().find(([user]) => user === 'carol'),
      ['carol', 1, 1],
    );
  });

  it('changes nothing and sends nothing when a job runs again', async () => {
    await s.send('alice', channelId);
    const [job] = s.chat.jobs.inQueue('unread-counts');
    await drainUnread();
    s.chat.events.clear();

    await s.useCases.refreshUnreadCounts.execute(job.data);

    assert.deepEqual(updates(), []);
    assert.equal((await s.useCases.getChannel.execute({ userId: 'bob', channelId })).unread_count, 1);
  });

  it('skips a channel that no longer exists', async () => {
    await s.useCases.refreshUnreadCounts.execute({ channel_id: 'gone', message_id: 1 });

    assert.equal(s.chat.events.ofType('unread.update').length, 0);
  });
});
