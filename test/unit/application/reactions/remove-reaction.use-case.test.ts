import assert from 'node:assert/strict';
import { ChatScenario } from '../../../support/builders/chat-scenario';
import type { MessageView } from '../../../../src/application/views/message.view';

describe('RemoveReaction', () => {
  let s: ChatScenario;
  let channelId: string;
  let message: MessageView;
  beforeEach(async () => {
    s = new ChatScenario();
    channelId = (await s.group('alice', ['bob'])).id;
    message = await s.send('alice', channelId, 'lunch?');
    for (const userId of ['alice', 'bob'])
      await s.useCases.addReaction.execute({ userId, channelId, messageId: message.id, emoji: '+1' });
  });

  const unreact = (userId: string) =>
    s.useCases.removeReaction.execute({ userId, channelId, messageId: message.id, emoji: '+1' });

  it('takes back only the caller’s reaction and publishes reaction.removed with the counts after it', async () => {
    const seen = await unreact('bob');

    assert.deepEqual([seen.reaction_counts, seen.own_reactions], [{ '+1': 1 }, []]);
    assert.deepEqual(
      s.chat.events.ofType('reaction.removed').map((e) => e.payload),
      [
        {
          channel_id: channelId,
          message_id: message.id,
          user_id: 'bob',
          emoji: '+1',
          reaction_counts: { '+1': 1 },
        },
      ],
    );
  });

  it('is idempotent: removing a reaction the caller does not have publishes nothing', async () => {
    await unreact('bob');

    const again = await unreact('bob');

    assert.deepEqual(again.reaction_counts, { '+1': 1 });
    assert.equal(s.chat.events.ofType('reaction.removed').length, 1);
  });

  it('leaves an emoji out of the counts once its last reaction is gone', async () => {
    await unreact('bob');

    const seen = await unreact('alice');

    assert.deepEqual(seen.reaction_counts, {});
  });
});
