import assert from 'node:assert/strict';
import { ChatScenario } from '../../../support/builders/chat-scenario';
import type { MessageView } from '../../../../src/application/views/message.view';

describe('AddReaction', () => {
  let s: ChatScenario;
  let channelId: string;
  let message: MessageView;
  beforeEach(async () => {
    s = new ChatScenario();
    const created = await s.useCases.createChannel.execute({
      userId: 'alice',
      channel_type: 'group',
      name: 'General',
      participants: [{ user_id: 'bob' }, { user_id: 'gina', user_type: 'guest' }],
    });
    channelId = created.channel.id;
    message = await s.send('alice', channelId, 'ship it?');
  });

  const react = (userId: string, emoji: '+1' | 'heart' = '+1', messageId = message.id) =>
    s.useCases.addReaction.execute({ userId, channelId, messageId, emoji });

  it('adds the caller’s reaction and answers the message with counts and their own reactions', async () => {
    await react('bob');

    const { message: seen, created } = await react('alice', 'heart');

    assert.equal(created, true);
    assert.deepEqual(seen.reaction_counts, { '+1': 1, heart: 1 });
    assert.deepEqual(seen.own_reactions, ['heart']);
  });

  it('publishes reaction.added with who, which emoji and the counts after it', async () => {
    await react('bob');
    await react('alice');

    assert.deepEqual(
      s.chat.events.ofType('reaction.added').map((e) => e.payload),
      [
        {
          channel_id: channelId,
          message_id: message.id,
          user_id: 'bob',
          emoji: '+1',
          reaction_counts: { '+1': 1 },
        },
        {
          channel_id: channelId,
          message_id: message.id,
          user_id: 'alice',
          emoji: '+1',
          reaction_counts: { '+1': 2 },
        },
      ],
    );
  });

  it('is idempotent: a repeat changes nothing, publishes nothing and answers created false', async () => {
    await react('bob');

    const again = await react('bob');

    assert.equal(again.created, false);
    assert.deepEqual(again.message.reaction_counts, { '+1': 1 });
    assert.equal(s.chat.reactions.count(), 1);
    assert.equal(s.chat.events.ofType('reaction.added').length, 1);
  });

  it('shows the reactions in history and in the inbox’s last message, each reader their own', async () => {
    await react('bob');
    await react('alice', 'heart');

    const page = await s.useCases.listMessages.execute({ userId: 'bob', channelId });
    const inbox = await s.useCases.listChannels.execute({ userId: 'alice' });

    assert.deepEqual(
      [page.results[0].reaction_counts, page.results[0].own_reactions],
      [{ '+1': 1, heart: 1 }, ['+1']],
    );
    assert.deepEqual(
      [inbox.results[0].last_message?.reaction_counts, inbox.results[0].last_message?.own_reactions],
      [{ '+1': 1, heart: 1 }, ['heart']],
    );
  });

  it('lets a guest react', async () => {
    const { created } = await react('gina');

    assert.equal(created, true);
  });

  it('refuses a tombstone with conflict', async () => {
    await s.useCases.deleteMessage.execute({ userId: 'alice', channelId, messageId: message.id });

    await assert.rejects(react('bob'), { code: 'conflict' });
  });

  it('answers channel_not_found to a stranger and message_not_found for a message of another channel', async () => {
    const other = await s.group('alice', ['bob'], 'Other');
    const elsewhere = await s.send('alice', other.id, 'elsewhere');

    await assert.rejects(react('zed'), { code: 'channel_not_found' });
    await assert.rejects(react('bob', '+1', elsewhere.id), { code: 'message_not_found' });
  });
});
