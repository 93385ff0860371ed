import assert from 'node:assert/strict';
import { ChatScenario } from '../../../support/builders/chat-scenario';

describe('SendMessage', () => {
  let s: ChatScenario;
  let channelId: string;
  beforeEach(async () => {
    s = new ChatScenario();
    channelId = (await s.group('alice', ['bob', 'carol'])).id;
  });

  it('stores the message with the channel’s next seq and returns it created', async () => {
    await s.send('bob', channelId, 'first');

    const { message, created } = await s.useCases.sendMessage.execute({
      userId: 'alice',
      channelId,
      content: 'second',
    });

    assert.equal(created, true);
    assert.deepEqual(
      [message.seq, message.user_id, message.content, message.content_type],
      [2, 'alice', 'second', 'text/plain'],
    );
  });

  it('makes it the channel’s last message', async () => {
    const sent = await s.send('alice', channelId, 'hi');

    const channel = await s.useCases.getChannel.execute({ userId: 'bob', channelId });

    // A channel view says, for its reader, whether its last message comes from someone they blocked.
    assert.deepEqual(channel.last_message, { ...sent, from_blocked_user: false });
  });

  it('moves the sender’s read pointer to it', async () => {
    await s.send('bob', channelId);
    const sent = await s.send('alice', channelId);

    const channel = await s.useCases.getChannel.execute({ userId: 'alice', channelId });

    assert.deepEqual([channel.last_read_message_id, channel.unread_count], [sent.id, 0]);
  });

  it('publishes message.created to the channel', async () => {
    const sent = await s.send('alice', channelId);

    assert.deepEqual(s.chat.events.ofType('message.created'), [
      { type: 'message.created', channel_id: channelId, payload: sent },
    ]);
  });

  it('enqueues its follow-up (unread-counts), whose id derives from the message; that one enqueues notifications', async () => {
    const sent = await s.send('alice', channelId);
    const enqueued = s.chat.jobs.inQueue('unread-counts').map((j) => j.id);

    await s.followUps();

    assert.deepEqual(enqueued, [`unread.${channelId}.${sent.id}`]);
    assert.deepEqual(
      s.chat.jobs.inQueue('notifications').map((j) => j.id),
      [`notify.${channelId}.${sent.id}`],
    );
  });

  it('receipts the messages the sender skipped over, once its follow-up ran', async () => {
    const [, second] = await s.sendMany('bob', channelId, 2);

    const mine = await s.send('alice', channelId);
    await s.followUps();

    const [job] = s.chat.jobs.inQueue('read-receipts').filter((j) => j.data.user_id === 'alice');
    assert.deepEqual([job.data.from_seq, job.data.to_seq, job.data.to_message_id], [0, mine.seq, mine.id]);
    assert.equal(second.seq, 2);
  });

  describe('when the client_message_id was seen', () => {
    it('returns the first message and stores nothing', async () => {
      const first = await s.useCases.sendMessage.execute({
        userId: 'alice',
        channelId,
        content: 'hi',
        client_message_id: 'c-1',
      });
      const events = s.chat.events.published.length;

      const again = await s.useCases.sendMessage.execute({
        userId: 'alice',
        channelId,
        content: 'changed',
        client_message_id: 'c-1',
      });

      assert.deepEqual(again, { message: first.message, created: false });
      assert.equal(s.chat.messages.count(), 1);
      assert.equal(s.chat.events.published.length, events);
    });

    it('still creates a message for another user using the same id', async () => {
      await s.useCases.sendMessage.execute({
        userId: 'alice',
        channelId,
        content: 'hi',
        client_message_id: 'c-1',
      });

      const bobs = await s.useCases.sendMessage.execute({
        userId: 'bob',
        channelId,
        content: 'hi',
        client_message_id: 'c-1',
      });

      assert.equal(bobs.created, true);
    });
  });

  describe('a reply', () => {
    it('carries the thread root as parent_id', async () => {
      const root = await s.send('alice', channelId, 'root');
      const reply = await s.send('bob', channelId, 'reply', { parent_id: root.id });

      const replyToReply = await s.send('carol', channelId, 'reply 2', { parent_id: reply.id });

      assert.deepEqual([reply.parent_id, replyToReply.parent_id], [root.id, root.id]);
    });

    it('is refused when the parent is in another channel', async () => {
      const other = await s.group('alice', []);
      const elsewhere = await s.send('alice', other.id);

      await assert.rejects(
        s.useCases.sendMessage.execute({ userId: 'alice', channelId, content: 'x', parent_id: elsewhere.id }),
        {
          code: 'message_not_found',
        },
      );
    });
  });

  it('accepts an empty content with a file', async () => {
    const sent = await s.send('alice', channelId, '', { file_url: 'https://files.example/a.pdf' });

    assert.deepEqual([sent.content, sent.file_url], ['', 'https://files.example/a.pdf']);
  });

  it('refuses empty content without a file', async () => {
    await assert.rejects(s.useCases.sendMessage.execute({ userId: 'alice', channelId, content: '  ' }), {
      code: 'validation_error',
    });
  });

  it('answers channel_not_found to a non-participant and stores nothing', async () => {
    await assert.rejects(s.useCases.sendMessage.execute({ userId: 'zed', channelId, content: 'hi' }), {
      code: 'channel_not_found',
    });

    assert.equal(s.chat.messages.count(), 0);
  });
});
