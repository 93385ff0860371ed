import assert from 'node:assert/strict';
import { ChatScenario } from '../../../support/builders/chat-scenario';

describe('CreateChannel', () => {
  let s: ChatScenario;
  beforeEach(() => {
    s = new ChatScenario();
  });

  describe('a group', () => {
    it('is created with the caller as admin and an empty read state for each participant', async () => {
      const { channel, created } = await s.useCases.createChannel.execute({
        userId: 'alice',
        channel_type: 'group',
        name: 'Team',
        participant_ids: ['bob'],
        participants: [{ user_id: 'gina', user_type: 'guest' }],
      });

      assert.equal(created, true);
      assert.deepEqual(
        channel.participants.map((p) => [p.user_id, p.role, p.user_type]),
        [
          ['alice', 'admin', 'internal'],
          ['bob', 'member', 'internal'],
          ['gina', 'guest', 'guest'],
        ],
      );
      assert.deepEqual(
        [channel.unread_count, channel.last_read_message_id, channel.is_muted, channel.last_message],
        [0, null, false, null],
      );
      assert.equal((await s.chat.readStates.listByChannel(channel.id)).length, 3);
    });

    it('adds a user whose token last said guest as a guest, so they can never inherit admin', async () => {
      await s.useCases.upsertUserProfile.execute({ user_id: 'gus', name: 'Gus', user_type: 'guest' });

      const { channel } = await s.useCases.createChannel.execute({
        userId: 'alice',
        channel_type: 'group',
        name: 'Team',
        participant_ids: ['gus'],
      });
      const { promoted } = await s.useCases.removeParticipant.execute({
        userId: 'alice',
        channelId: channel.id,
        targetUserId: 'alice',
      });

      assert.deepEqual(
        channel.participants.find((p) => p.user_id === 'gus'),
        { user_id: 'gus', role: 'guest', user_type: 'guest', joined_at: channel.created_at },
      );
      assert.equal(promoted, null);
    });

    it('is refused without a name', async () => {
      await assert.rejects(s.useCases.createChannel.execute({ userId: 'alice', channel_type: 'group' }), {
        code: 'validation_error',
      });
    });
  });

  describe('when the direct channel of the pair exists', () => {
    it('returns it, created false, whoever asks', async () => {
      const first = await s.direct('alice', 'bob');

      const again = await s.useCases.createChannel.execute({
        userId: 'bob',
        channel_type: 'direct',
        participant_ids: ['alice'],
      });

      assert.equal(again.created, false);
      assert.equal(again.channel.id, first.id);
      assert.equal(s.chat.channels.count(), 1);
    });
  });

  describe('when the contextual channel exists', () => {
    const context = {
      channel_type: 'contextual_object' as const,
      host_application_id: 'crm',
      context_object_type: 'order',
      context_object_id: '42',
    };

    it('returns it to a participant', async () => {
      const first = await s.contextual('alice', ['bob']);

      const again = await s.useCases.createChannel.execute({ userId: 'bob', ...context });

      assert.deepEqual([again.channel.id, again.created], [first.id, false]);
    });

    it('answers channel_not_found to someone not in it', async () => {
      await s.contextual('alice', ['bob']);

      await assert.rejects(s.useCases.createChannel.execute({ userId: 'zed', ...context }), {
        code: 'channel_not_found',
      });
    });
  });
});
