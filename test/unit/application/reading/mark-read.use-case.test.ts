import assert from 'node:assert/strict';
import { ChatScenario } from '../../../support/builders/chat-scenario';

describe('MarkRead', () => {
  let s: ChatScenario;
  let channelId: string;
  beforeEach(async () => {
    s = new ChatScenario();
    channelId = (await s.group('alice', ['bob'])).id;
  });

  describe('without a message_id', () => {
    it('reads up to the latest message', async () => {
      const sent = await s.sendMany('alice', channelId, 3);

      const result = await s.useCases.markRead.execute({ userId: 'bob', channelId });

      assert.deepEqual(result, { channel_id: channelId, last_read_message_id: sent[2].id, unread_count: 0 });
    });

    it('changes nothing in an empty channel', async () => {
      const result = await s.useCases.markRead.execute({ userId: 'bob', channelId });

      assert.deepEqual(result, { channel_id: channelId, last_read_message_id: null, unread_count: 0 });
      assert.equal(s.chat.jobs.inQueue('read-receipts').length, 0);
    });
  });

  it('reads up to the given message and counts the rest as unread', async () => {
    const sent = await s.sendMany('alice', channelId, 3);

    const result = await s.useCases.markRead.execute({ userId: 'bob', channelId, message_id: sent[0].id });

    assert.deepEqual([result.last_read_message_id, result.unread_count], [sent[0].id, 2]);
  });

  describe('when the message is before the pointer', () => {
    it('keeps the pointer where it is', async () => {
      const sent = await s.sendMany('alice', channelId, 3);
      await s.useCases.markRead.execute({ userId: 'bob', channelId });

      const result = await s.useCases.markRead.execute({ userId: 'bob', channelId, message_id: sent[0].id });

      assert.deepEqual([result.last_read_message_id, result.unread_count], [sent[2].id, 0]);
    });
  });

  it('enqueues a read-receipts job for the range it advanced over', async () => {
    const sent = await s.sendMany('alice', channelId, 3);
    await s.useCases.markRead.execute({ userId: 'bob', channelId, message_id: sent[0].id });

    await s.useCases.markRead.execute({ userId: 'bob', channelId });

    const ranges = s.chat.jobs
      .inQueue('read-receipts')
      .map((j) => [j.data.user_id, j.data.from_seq, j.data.to_seq]);
    assert.deepEqual(ranges, [
      ['bob', 0, 1],
      ['bob', 1, 3],
    ]);
  });

  it('publishes message.read to the channel and unread.update to the reader', async () => {
    const sent = await s.sendMany('alice', channelId, 2);

    await s.useCases.markRead.execute({ userId: 'bob', channelId, message_id: sent[0].id });

    const [read] = s.chat.events.ofType('message.read');
    assert.deepEqual(
      [read.channel_id, read.payload.user_id, read.payload.last_read_message_id],
      [channelId, 'bob', sent[0].id],
    );
    const [update] = s.chat.events.ofType('unread.update');
    assert.deepEqual(
      [update.user_id, update.payload],
      ['bob', { channel_id: channelId, unread_count: 1, total_unread: 1 }],
    );
  });

  it('refuses a message of another channel', async () => {
    const other = await s.group('bob', []);
    const elsewhere = await s.send('bob', other.id);

    await assert.rejects(
      s.useCases.markRead.execute({ userId: 'bob', channelId, message_id: elsewhere.id }),
      { code: 'message_not_found' },
    );
  });

  it('answers channel_not_found to a non-participant', async () => {
    await assert.rejects(s.useCases.markRead.execute({ userId: 'zed', channelId }), {
      code: 'channel_not_found',
    });
  });

  describe('when the job queue is unreachable', () => {
    it('fails without moving the pointer, and the retry records the receipt', async () => {
      const sent = await s.sendMany('alice', channelId, 2);
      s.chat.jobs.down = true;

      await assert.rejects(s.useCases.markRead.execute({ userId: 'bob', channelId }));
      const unmoved = await s.chat.readStates.find('bob', channelId);
      s.chat.jobs.down = false;
      const retried = await s.useCases.markRead.execute({ userId: 'bob', channelId });

      assert.equal(unmoved?.last_read_message_id, null);
      assert.equal(retried.last_read_message_id, sent[1].id);
      assert.deepEqual(
        s.chat.jobs.inQueue('read-receipts').map((j) => [j.data.from_seq, j.data.to_seq]),
        [[0, 2]],
      );
    });
  });
});
