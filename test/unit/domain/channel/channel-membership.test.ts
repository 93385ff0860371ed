import assert from 'node:assert/strict';
import { Participant } from '../../../../src/domain/participant/participant';
import { aGroup, T0 } from '../../../support/builders/channel.builder';

const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe('Channel membership', () => {
  describe('addParticipant', () => {
    it('adds a new user', () => {
      const channel = aGroup(['bob']);

      const added = channel.addParticipant(Participant.create({ user_id: 'carol' }, later(1)));

      assert.equal(added, true);
      assert.equal(channel.participant('carol')?.role, 'member');
    });

    it('changes nothing for a user already in', () => {
      const channel = aGroup(['bob']);

      const added = channel.addParticipant(Participant.create({ user_id: 'bob', role: 'admin' }, later(1)));

      assert.equal(added, false);
      assert.equal(channel.participant('bob')?.role, 'member');
    });
  });

  describe('when the last admin leaves', () => {
    it('promotes the longest-standing internal participant', () => {
      const channel = aGroup([{ user_id: 'gina', user_type: 'guest' }, 'bob']);
      channel.addParticipant(Participant.create({ user_id: 'carol' }, later(5)));

      const { promoted } = channel.removeParticipant('alice');

      assert.equal(promoted?.userId, 'bob');
      assert.equal(channel.participant('bob')?.role, 'admin');
    });

    it('promotes nobody when only guests remain', () => {
      const channel = aGroup([{ user_id: 'gina', user_type: 'guest' }]);

      const { promoted } = channel.removeParticipant('alice');

      assert.equal(promoted, null);
      assert.equal(channel.participant('gina')?.role, 'guest');
    });
  });

  describe('when another admin remains', () => {
    it('promotes nobody', () => {
      const channel = aGroup([{ user_id: 'bob', role: 'admin' }, 'carol']);

      const { promoted } = channel.removeParticipant('alice');

      assert.equal(promoted, null);
    });
  });

  describe('changeRole', () => {
    it('refuses to let the last admin step down while others remain', () => {
      const channel = aGroup(['bob']);

      assert.throws(() => channel.changeRole('alice', 'member'), { code: 'conflict' });
    });

    it('lets an admin step down once someone else is admin', () => {
      const channel = aGroup(['bob']);
      channel.changeRole('bob', 'admin');

      const changed = channel.changeRole('alice', 'member');

      assert.equal(changed.role, 'member');
    });

    it('lets the only participant drop their role', () => {
      const channel = aGroup([]);

      assert.equal(channel.changeRole('alice', 'member').role, 'member');
    });

    it('reports an unknown participant', () => {
      assert.throws(() => aGroup(['bob']).changeRole('zed', 'admin'), { code: 'not_found' });
    });
  });
});
