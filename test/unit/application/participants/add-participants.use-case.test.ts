import assert from 'node:assert/strict';
import type { ParticipantInput } from '../../../../src/domain/participant/participant';
import { ChatScenario } from '../../../support/builders/chat-scenario';

describe('AddParticipants', () => {
  let s: ChatScenario;
  let channelId: string;
  beforeEach(async () => {
    s = new ChatScenario();
    channelId = (await s.group('alice', ['bob'])).id;
  });

  const add = (participants: readonly ParticipantInput[], userId = 'alice') =>
    s.useCases.addParticipants.execute({ userId, channelId, participants });
  const members = async () =>
    (await s.useCases.getChannel.execute({ userId: 'alice', channelId })).participants.map((p) => p.user_id);

  it('adds the users not yet in and returns the channel and those it added', async () => {
    const result = await add([{ user_id: 'carol' }, { user_id: 'bob', role: 'admin' }, { user_id: 'dave' }]);

    assert.deepEqual(
      result.added.map((p) => p.user_id),
      ['carol', 'dave'],
    );
    assert.deepEqual(
      result.channel.participants.map((p) => [p.user_id, p.role]),
      [
        ['alice', 'admin'],
        ['bob', 'member'],
        ['carol', 'member'],
        ['dave', 'member'],
      ],
    );
  });

  it('publishes participant.added for each user it added', async () => {
    const { added } = await add([{ user_id: 'carol' }, { user_id: 'bob' }, { user_id: 'dave' }]);

    assert.deepEqual(
      s.chat.events.ofType('participant.added').map((e) => e.payload),
      added.map((participant) => ({ channel_id: channelId, participant })),
    );
  });

  it('starts each newcomer with the history read, with the user type known from the profile', async () => {
    const [, last] = await s.sendMany('bob', channelId, 2);
    await s.useCases.upsertUserProfile.execute({ user_id: 'gina', user_type: 'guest' });

    const { added } = await add([{ user_id: 'carol' }, { user_id: 'gina' }]);

    const gina = await s.useCases.getChannel.execute({ userId: 'gina', channelId });
    assert.deepEqual([gina.unread_count, gina.last_read_message_id], [0, last.id]);
    assert.deepEqual(
      added.map((p) => [p.user_type, p.role]),
      [
        ['internal', 'member'],
        ['guest', 'guest'],
      ],
    );
  });

  describe('when anything in the request is refused', () => {
    for (const [what, participants, field] of [
      ['a blank user id', [{ user_id: 'carol' }, { user_id: ' ' }], 'participants.1.user_id'],
      ['a user listed twice', [{ user_id: 'carol' }, { user_id: 'carol' }], 'participants.1.user_id'],
      ['an empty list', [], 'participants'],
      ['101 users', Array.from({ length: 101 }, (_, i) => ({ user_id: `u${i}` })), 'participants'],
    ] as const) {
      it(`adds nobody and publishes nothing for ${what}`, async () => {
        await assert.rejects(add(participants), { code: 'validation_error', details: { field } });

        assert.deepEqual(await members(), ['alice', 'bob']);
        assert.equal(s.chat.events.ofType('participant.added').length, 0);
      });
    }

    it('adds nobody for a member (insufficient_role)', async () => {
      await assert.rejects(add([{ user_id: 'carol' }], 'bob'), { code: 'insufficient_role' });

      assert.deepEqual(await members(), ['alice', 'bob']);
    });
  });
});
