import assert from 'node:assert/strict';
import { MessageView } from '../../../../src/application/views/message.view';
import { ChatScenario } from '../../../support/builders/chat-scenario';

describe('EditMessage', () => {
  let s: ChatScenario;
  let channelId: string;
  let bobs: MessageView;
  beforeEach(async () => {
    s = new ChatScenario();
    channelId = (await s.group('alice', ['bob'])).id;
    bobs = await s.send('bob', channelId, 'tpyo');
  });

  it('lets the author replace the content and publishes message.updated', async () => {
    const edited = await s.useCases.editMessage.execute({
      userId: 'bob',
      channelId,
      messageId: bobs.id,
      content: 'typo',
    });

    assert.equal(edited.content, 'typo');
    assert.notEqual(edited.edited_at, null);
    assert.deepEqual(
      s.chat.events.ofType('message.updated').map((e) => e.payload),
      [edited],
    );
    assert.equal((await s.chat.messages.findById(bobs.id))?.toPrimitives().content, 'typo');
  });

  it('refuses anyone else, even an admin', async () => {
    await assert.rejects(
      s.useCases.editMessage.execute({ userId: 'alice', channelId, messageId: bobs.id, content: 'x' }),
      {
        code: 'forbidden',
      },
    );
  });

  it('refuses a deleted message', async () => {
    await s.useCases.deleteMessage.execute({ userId: 'bob', channelId, messageId: bobs.id });

    await assert.rejects(
      s.useCases.editMessage.execute({ userId: 'bob', channelId, messageId: bobs.id, content: 'x' }),
      {
        code: 'conflict',
      },
    );
  });

  it('answers channel_not_found to a non-participant, whether or not the message exists', async () => {
    await assert.rejects(
      s.useCases.editMessage.execute({ userId: 'zed', channelId, messageId: 999, content: 'x' }),
      {
        code: 'channel_not_found',
      },
    );
  });
});
