import assert from 'node:assert/strict';
import { MessageView } from '../../../../src/application/views/message.view';
import { ChatScenario } from '../../../support/builders/chat-scenario';

describe('DeleteMessage', () => {
  let s: ChatScenario;
  let channelId: string;
  let bobs: MessageView;
  beforeEach(async () => {
    s = new ChatScenario();
    channelId = (await s.group('alice', ['bob', 'carol'])).id;
    bobs = await s.send('bob', channelId, 'secret', { file_url: 'https://files.example/f' });
  });

  it('leaves a tombstone and publishes message.deleted', async () => {
    const deleted = await s.useCases.deleteMessage.execute({ userId: 'bob', channelId, messageId: bobs.id });

    assert.deepEqual(
      [deleted.id, deleted.seq, deleted.content, deleted.file_url],
      [bobs.id, bobs.seq, '', null],
    );
    assert.notEqual(deleted.deleted_at, null);
    assert.deepEqual(
      s.chat.events.ofType('message.deleted').map((e) => e.payload),
      [deleted],
    );
  });

  it('lets an admin delete someone else’s message', async () => {
    const deleted = await s.useCases.deleteMessage.execute({
      userId: 'alice',
      channelId,
      messageId: bobs.id,
    });

    assert.notEqual(deleted.deleted_at, null);
  });

  it('refuses a member deleting someone else’s message', async () => {
    await assert.rejects(
      s.useCases.deleteMessage.execute({ userId: 'carol', channelId, messageId: bobs.id }),
      {
        code: 'insufficient_role',
      },
    );
  });

  describe('when the message is already deleted', () => {
    it('returns the tombstone and publishes nothing more', async () => {
      const first = await s.useCases.deleteMessage.execute({ userId: 'bob', channelId, messageId: bobs.id });

      const again = await s.useCases.deleteMessage.execute({ userId: 'bob', channelId, messageId: bobs.id });

      assert.deepEqual(again, first);
      assert.equal(s.chat.events.ofType('message.deleted').length, 1);
    });
  });

  it('keeps the tombstone in the unread count', async () => {
    await s.useCases.deleteMessage.execute({ userId: 'bob', channelId, messageId: bobs.id });

    const channel = await s.useCases.getChannel.execute({ userId: 'carol', channelId });

    assert.equal(channel.unread_count, 1);
  });

  it('answers message_not_found for an unknown id', async () => {
    await assert.rejects(s.useCases.deleteMessage.execute({ userId: 'bob', channelId, messageId: 999 }), {
      code: 'message_not_found',
    });
  });
});
