import assert from 'node:assert/strict';
import { eraseUserFromChannel } from '../../../../src/domain/channel/channel-erasure';
import { aDirect, aGroup } from '../../../support/builders/channel.builder';

const PSEUDONYM = 'erased-0123456789abcdef0123456789abcdef';

describe('eraseUserFromChannel', () => {
  it('removes a member and leaves the rest of the channel as it was', () => {
    const channel = aGroup(['bob', 'carol']);

    const erased = eraseUserFromChannel(channel, 'carol', PSEUDONYM);

    assert.equal(erased?.removed?.userId, 'carol');
    assert.equal(erased?.promoted, null);
    assert.equal(erased?.referencesChanged, false);
    assert.deepEqual(
      erased?.channel.participants.map((p) => p.userId),
      ['alice', 'bob'],
    );
  });

  describe('when the user is the last admin and the creator', () => {
    it('promotes the longest-standing participant and names the pseudonym as creator', () => {
      const channel = aGroup(['bob', 'carol']);

      const erased = eraseUserFromChannel(channel, 'alice', PSEUDONYM);

      assert.equal(erased?.promoted?.userId, 'bob');
      assert.equal(erased?.channel.participant('bob')?.role, 'admin');
      assert.equal(erased?.channel.toPrimitives().created_by, PSEUDONYM);
      assert.equal(erased?.referencesChanged, true);
    });
  });

  describe('in a direct channel', () => {
    it('takes the user out, keeps the other one, and renames the pair', () => {
      const channel = aDirect('alice', 'bob');

      const erased = eraseUserFromChannel(channel, 'bob', PSEUDONYM);

      assert.deepEqual(
        erased?.channel.participants.map((p) => p.userId),
        ['alice'],
      );
      assert.equal(erased?.channel.toPrimitives().direct_key, JSON.stringify(['alice', PSEUDONYM]));
      assert.equal(erased?.channel.toPrimitives().created_by, 'alice');
    });
  });

  it('rewrites the creator of a channel the user already left', () => {
    const channel = aGroup(['bob']);
    channel.removeParticipant('alice');

    const erased = eraseUserFromChannel(channel, 'alice', PSEUDONYM);

    assert.equal(erased?.removed, null);
    assert.equal(erased?.channel.toPrimitives().created_by, PSEUDONYM);
  });

  it('is null for a channel that does not name the user', () => {
    assert.equal(eraseUserFromChannel(aGroup(['bob']), 'zed', PSEUDONYM), null);
  });
});
