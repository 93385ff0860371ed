import assert from 'node:assert/strict';
import { ChatScenario } from '../../../support/builders/chat-scenario';

describe('CompleteSend', () => {
  let s: ChatScenario;
  let channelId: string;
  beforeEach(async () => {
    s = new ChatScenario();
    channelId = (await s.group('alice', ['bob', 'carol'])).id;
  });

  async function drainUnread(): Promise<void> {
    for (const job of s.chat.jobs.drain('unread-counts')) await s.useCases.completeSend.execute(job.data);
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

    await s.useCases.completeSend.execute(job.data);

    assert.deepEqual(updates(), []);
    assert.equal((await s.useCases.getChannel.execute({ userId: 'bob', channelId })).unread_count, 1);
  });

  it("moves the sender's stored pointer to the message and receipts the messages it skipped", async () => {
    await s.sendMany('bob', channelId, 2);
    const sent = await s.send('alice', channelId);

    await drainUnread();

    const row = await s.chat.readStates.find('alice', channelId);
    assert.equal(row?.last_read_message_id, sent.id);
    const receipts = s.chat.jobs
      .inQueue('read-receipts')
      .map((j) => [j.data.user_id, j.data.from_seq, j.data.to_seq]);
    assert.deepEqual(receipts, [['alice', 0, 3]]);
  });

  it('enqueues the notifications job with its recipients: not the sender, not who muted', async () => {
    await s.useCases.muteChannel.execute({ userId: 'carol', channelId });
    const sent = await s.send('alice', channelId);

    await drainUnread();

    assert.deepEqual(s.chat.jobs.inQueue('notifications'), [
      {
        queue: 'notifications',
        id: `notify.${channelId}.${sent.id}`,
        data: { channel_id: channelId, message_id: sent.id, recipients: ['bob'] },
      },
    ]);
  });

  it('completes nothing, and asks to be retried, for a message not stored (yet)', async () => {
    const job = { channel_id: channelId, message_id: 999, seq: 1, user_id: 'alice' };

    await assert.rejects(s.useCases.completeSend.execute(job), { name: 'MessageNotStoredYetError' });

    assert.deepEqual([s.chat.events.published, s.chat.jobs.jobs], [[], []]);
  });

  describe('several messages of a channel at once (executeAll)', () => {
    it('moves each sender once, to their latest message, and notifies each message', async () => {
      const first = await s.send('alice', channelId);
      const reply = await s.send('bob', channelId);
      const last = await s.send('alice', channelId);
      const jobs = s.chat.jobs.drain('unread-counts').map((j) => j.data);

      assert.deepEqual(await s.useCases.completeSend.executeAll(jobs), []);

      assert.equal((await s.chat.readStates.find('alice', channelId))?.last_read_message_id, last.id);
      assert.equal((await s.chat.readStates.find('bob', channelId))?.last_read_message_id, reply.id);
      const receipts = s.chat.jobs
        .inQueue('read-receipts')
        .map((j) => [j.data.user_id, j.data.from_seq, j.data.to_seq]);
      assert.deepEqual(receipts.sort(), [
        ['alice', 0, 3],
        ['bob', 0, 2],
      ]);
      const notified = s.chat.jobs
        .inQueue('notifications')
        .map((j) => [j.data.message_id, j.data.recipients]);
      // Bob sent after the first message: his pointer is past it. Alice's moved past bob's reply.
      assert.deepEqual(notified, [
        [first.id, ['carol']],
        [reply.id, ['carol']],
        [last.id, ['bob', 'carol']],
      ]);
      assert.equal((await s.useCases.getChannel.execute({ userId: 'carol', channelId })).unread_count, 3);
    });

    it('answers the messages not stored yet, and completes the others', async () => {
      const sent = await s.send('alice', channelId);
      const [job] = s.chat.jobs.drain('unread-counts').map((j) => j.data);
      const missing = { channel_id: channelId, message_id: 999, seq: 9, user_id: 'bob' };

      assert.deepEqual(await s.useCases.completeSend.executeAll([job, missing]), [missing]);

      assert.equal((await s.chat.readStates.find('alice', channelId))?.last_read_message_id, sent.id);
      assert.deepEqual(
        s.chat.jobs.inQueue('notifications').map((j) => j.data.message_id),
        [sent.id],
      );
    });

    it('refuses messages of different channels', async () => {
      const other = (await s.group('alice', ['bob'])).id;
      await s.send('alice', channelId);
      await s.send('alice', other);
      const jobs = s.chat.jobs.drain('unread-counts').map((j) => j.data);

      await assert.rejects(s.useCases.completeSend.executeAll(jobs), /one channel/);
    });
  });

  it('skips a channel that no longer exists', async () => {
    await s.useCases.completeSend.execute({ channel_id: 'gone', message_id: 1 });

    assert.equal(s.chat.events.ofType('unread.update').length, 0);
  });
});
