import assert from 'node:assert/strict';
import { ChatScenario } from '../../../support/builders/chat-scenario';

describe('RemoveParticipant', () => {
  let s: ChatScenario;
  let channelId: string;
  beforeEach(async () => {
    s = new ChatScenario();
    channelId = (await s.group('alice', ['bob', 'carol'])).id;
  });

  it('lets an admin remove someone, who then no longer sees the channel', async () => {
    await s.useCases.removeParticipant.execute({ userId: 'alice', channelId, targetUserId: 'bob' });

    await assert.rejects(s.useCases.getChannel.execute({ userId: 'bob', channelId }), {
      code: 'channel_not_found',
    });
    assert.equal(await s.chat.readStates.find('bob', channelId), null);
  });

  it('lets anyone leave', async () => {
    const result = await s.useCases.removeParticipant.execute({
      userId: 'carol',
      channelId,
      targetUserId: 'carol',
    });

    assert.equal(result.removed.user_id, 'carol');
  });

  it('publishes participant.removed', async () => {
    await s.useCases.removeParticipant.execute({ userId: 'carol', channelId, targetUserId: 'carol' });

    assert.deepEqual(
      s.chat.events.ofType('participant.removed').map((e) => e.payload),
      [{ channel_id: channelId, user_id: 'carol', reason: 'left' }],
    );
  });

  it('refuses a member removing someone else', async () => {
    await assert.rejects(
      s.useCases.removeParticipant.execute({ userId: 'bob', channelId, targetUserId: 'carol' }),
      {
        code: 'insufficient_role',
      },
    );
  });

  describe('when the last admin leaves', () => {
    it('promotes the longest-standing participant', async () => {
      const result = await s.useCases.removeParticipant.execute({
        userId: 'alice',
        channelId,
        targetUserId: 'alice',
      });

      const view = await s.useCases.getChannel.execute({ userId: 'bob', channelId });
      assert.equal(result.promoted?.user_id, 'bob');
      assert.deepEqual(
        view.participants.map((p) => [p.user_id, p.role]),
        [
          ['bob', 'admin'],
          ['carol', 'member'],
        ],
      );
    });
  });

  it('answers not_found for a user who is not a participant', async () => {
    await assert.rejects(
      s.useCases.removeParticipant.execute({ userId: 'alice', channelId, targetUserId: 'zed' }),
      { code: 'not_found' },
    );
  });
});
