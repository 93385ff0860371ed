import assert from 'node:assert/strict';
import { Channel } from '../../../../src/domain/channel/channel.entity';
import type { ChannelType } from '../../../../src/domain/channel/channel-type';
import type { NewChannelInput } from '../../../../src/domain/channel/new-channel';
import { aContextual, aDirect, aGroup, T0 } from '../../../support/builders/channel.builder';

const ID = '00000000-0000-4000-8000-000000000001';

describe('Channel', () => {
  describe('create', () => {
    it('makes the creator an admin and the others members', () => {
      const channel = aGroup(['bob']);

      assert.deepEqual(
        channel.participants.map((p) => [p.userId, p.role]),
        [
          ['alice', 'admin'],
          ['bob', 'member'],
        ],
      );
    });

    it('gives guest users the guest role unless a role is given', () => {
      const channel = aGroup([
        { user_id: 'gina', user_type: 'guest' },
        { user_id: 'gus', user_type: 'guest', role: 'member' },
      ]);

      assert.equal(channel.participant('gina')?.role, 'guest');
      assert.equal(channel.participant('gus')?.role, 'member');
    });

    it('merges duplicate participants and ignores the creator listed again', () => {
      const channel = aGroup(['bob', 'bob', 'alice']);

      assert.deepEqual(
        channel.participants.map((p) => p.userId),
        ['alice', 'bob'],
      );
    });
  });

  describe('a direct channel', () => {
    it('needs exactly one other user', () => {
      assert.throws(() => aGroupless('direct', []), { code: 'validation_error' });
      assert.throws(() => aGroupless('direct', ['bob', 'carol']), { code: 'validation_error' });
      assert.throws(() => aGroupless('direct', ['alice']), { code: 'validation_error' });
    });

    it('has the same direct_key whoever creates it', () => {
      const fromAlice = aDirect('alice', 'bob').toPrimitives();
      const fromBob = aDirect('bob', 'alice').toPrimitives();

      assert.equal(fromAlice.direct_key, fromBob.direct_key);
      assert.equal(fromAlice.context_key, fromAlice.id);
    });

    it('keys pairs unambiguously even when ids contain separators', () => {
      assert.notEqual(
        aDirect('a","b', 'c').toPrimitives().direct_key,
        aDirect('a', 'b","c').toPrimitives().direct_key,
      );
    });

    it('has no name and its participants cannot change', () => {
      const channel = aDirect();

      assert.equal(channel.toPrimitives().name, null);
      assert.throws(() => channel.rename('x', T0), { code: 'forbidden' });
      assert.throws(() => channel.removeParticipant('bob'), { code: 'forbidden' });
    });
  });

  describe('a group', () => {
    it('needs a name, trimmed, of at most 200 characters', () => {
      assert.equal(aGroup([], { id: ID }).toPrimitives().name, 'General');
      assert.throws(() => aGroupless('group', [], { name: '   ' }), { code: 'validation_error' });
      assert.throws(() => aGroupless('group', [], { name: 'x'.repeat(201) }), { code: 'validation_error' });
      assert.equal(aGroupless('group', [], { name: '  Team  ' }).toPrimitives().name, 'Team');
    });

    it('says the name is required when it is missing', () => {
      assert.throws(() => aGroupless('group', [], { name: undefined }), {
        code: 'validation_error',
        message: 'name is required',
      });
    });

    it('refuses context fields, which only a contextual channel has', () => {
      assert.throws(() => aGroupless('group', [], { name: 'G', context_object_id: '1' }), {
        code: 'validation_error',
        message: 'context_object_id: not for a group channel',
      });
    });

    it('uses its own id for both unique keys', () => {
      const row = aGroup([], { id: ID }).toPrimitives();

      assert.equal(row.direct_key, ID);
      assert.equal(row.context_key, ID);
    });
  });

  describe('a contextual channel', () => {
    it('needs the three context fields', () => {
      assert.throws(
        () =>
          aGroupless('contextual_object', [], { host_application_id: 'crm', context_object_type: 'order' }),
        {
          code: 'validation_error',
        },
      );
      assert.throws(
        () =>
          aContextual({
            host_application_id: 'crm',
            context_object_type: 'order',
            context_object_id: 'x'.repeat(257),
          }),
        {
          code: 'validation_error',
        },
      );
    });

    it('is keyed by its context', () => {
      const row = aContextual().toPrimitives();

      assert.equal(row.context_key, JSON.stringify(['crm', 'order', '42']));
      assert.equal(row.direct_key, row.id);
    });
  });

  it('survives a round trip through primitives', () => {
    const channel = aGroup(['bob']);

    assert.deepEqual(Channel.fromPrimitives(channel.toPrimitives()).toPrimitives(), channel.toPrimitives());
  });

  describe('recordLastMessage', () => {
    it('never replaces a newer message by an older one', () => {
      const channel = aGroup();

      channel.recordLastMessage(9, 2, T0);
      channel.recordLastMessage(8, 1, T0);

      assert.equal(channel.lastMessageId, 9);
      assert.equal(channel.lastMessageSeq, 2);
    });
  });
});

function aGroupless(type: ChannelType, others: string[], fields: Partial<NewChannelInput> = {}): Channel {
  return Channel.create({
    id: ID,
    channel_type: type,
    ...fields,
    creator: { user_id: 'alice', user_type: 'internal' },
    participants: others.map((user_id) => ({ user_id })),
    now: T0,
  });
}
