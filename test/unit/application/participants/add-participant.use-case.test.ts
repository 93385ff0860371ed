import assert from 'node:assert/strict';
import { ChatScenario } from '../../../support/builders/chat-scenario';

describe('AddParticipant', () => {
  let s: ChatScenario;
  let channelId: string;
  beforeEach(async () => {
    s = new ChatScenario();
    channelId = (await s.group('alice', ['bob'])).id;
  });

  it('lets an admin add a user, who then sees the channel', async () => {
    const result = await s.useCases.addParticipant.execute({ userId: 'alice', channelId, user_id: 'carol' });

    assert.deepEqual(
      [result.added, result.participant.user_id, result.participant.role],
      [true, 'carol', 'member'],
    );
    assert.equal((await s.useCases.getChannel.execute({ userId: 'carol', channelId })).id, channelId);
  });

  it('starts the newcomer with the history already read', async () => {
    const [, last] = await s.sendMany('bob', channelId, 2);

    await s.useCases.addParticipant.execute({ userId: 'alice', channelId, user_id: 'carol' });

    const view = await s.useCases.getChannel.execute({ userId: 'carol', channelId });
    assert.deepEqual([view.unread_count, view.last_read_message_id], [0, last.id]);
  });

  it('uses the user type known from the profile', async () => {
    await s.useCases.upsertUserProfile.execute({ user_id: 'gina', user_type: 'guest' });

    const result = await s.useCases.addParticipant.execute({ userId: 'alice', channelId, user_id: 'gina' });

    assert.deepEqual([result.participant.user_type, result.participant.role], ['guest', 'guest']);
  });

  it('publishes participant.added', async () => {
    const { participant } = await s.useCases.addParticipant.execute({
      userId: 'alice',
      channelId,
      user_id: 'carol',
    });

    assert.deepEqual(
      s.chat.events.ofType('participant.added').map((e) => e.payload),
      [{ channel_id: channelId, participant }],
    );
  });

  describe('when the user is already a participant', () => {
    it('changes nothing and says so', async () => {
      const result = await s.useCases.addParticipant.execute({
        userId: 'alice',
        channelId,
        user_id: 'bob',
        role: 'admin',
      });

      assert.deepEqual([result.added, result.participant.role], [false, 'member']);
      assert.equal(s.chat.events.ofType('participant.added').length, 0);
    });
  });

  it('refuses a member with insufficient_role', async () => {
    await assert.rejects(s.useCases.addParticipant.execute({ userId: 'bob', channelId, user_id: 'carol' }), {
      code: 'insufficient_role',
    });
  });

  it('refuses to add anyone to a direct channel', async () => {
    const direct = await s.direct('alice', 'bob');

    await assert.rejects(
      s.useCases.addParticipant.execute({ userId: 'alice', channelId: direct.id, user_id: 'carol' }),
      {
        code: 'forbidden',
      },
    );
  });
});
