import assert from 'node:assert/strict';
import * as policy from '../../../../src/domain/access/access-policy';
import { aDirect, aGroup } from '../../../support/builders/channel.builder';
import { aMessage } from '../../../support/builders/message.builder';

describe('AccessPolicy', () => {
  const group = aGroup([{ user_id: 'bob' }, { user_id: 'gina', user_type: 'guest' }]);
  const bobsMessage = aMessage({ channel_id: group.id, user_id: 'bob' });

  describe('for a user who is not a participant', () => {
    it('answers channel_not_found to everything, as if the channel did not exist', () => {
      const checks = [
        () => policy.assertCanRead(group, 'zed'),
        () => policy.assertCanSend(group, 'zed'),
        () => policy.assertCanAddParticipant(group, 'zed'),
        () => policy.assertCanRemoveParticipant(group, 'zed', 'zed'),
        () => policy.assertCanChangeRole(group, 'zed'),
        () => policy.assertCanRename(group, 'zed'),
        () => policy.assertCanMute(group, 'zed'),
        () => policy.assertCanEditMessage(group, 'zed', bobsMessage),
        () => policy.assertCanDeleteMessage(group, 'zed', bobsMessage),
      ];

      for (const check of checks) assert.throws(check, { code: 'channel_not_found' });
    });
  });

  describe('for a guest', () => {
    it('allows reading and sending', () => {
      assert.equal(policy.assertCanSend(group, 'gina').role, 'guest');
    });

    it('refuses adding people with insufficient_role', () => {
      assert.throws(() => policy.assertCanAddParticipant(group, 'gina'), { code: 'insufficient_role' });
    });
  });

  describe('for a member', () => {
    it('refuses managing the channel with insufficient_role', () => {
      for (const check of [
        () => policy.assertCanAddParticipant(group, 'bob'),
        () => policy.assertCanRemoveParticipant(group, 'bob', 'gina'),
        () => policy.assertCanChangeRole(group, 'bob'),
        () => policy.assertCanRename(group, 'bob'),
      ]) {
        assert.throws(check, { code: 'insufficient_role' });
      }
    });

    it('allows leaving', () => {
      assert.equal(policy.assertCanRemoveParticipant(group, 'bob', 'bob').userId, 'bob');
    });
  });

  describe('for an admin', () => {
    it('allows managing participants, roles and the name', () => {
      policy.assertCanAddParticipant(group, 'alice');
      policy.assertCanRemoveParticipant(group, 'alice', 'bob');
      policy.assertCanChangeRole(group, 'alice');
      policy.assertCanRename(group, 'alice');
    });
  });

  describe('editing a message', () => {
    it('is for its author only', () => {
      assert.equal(policy.assertCanEditMessage(group, 'bob', bobsMessage).userId, 'bob');
      assert.throws(() => policy.assertCanEditMessage(group, 'alice', bobsMessage), { code: 'forbidden' });
    });

    it('reports a message of another channel as not found', () => {
      const elsewhere = aMessage({ channel_id: 'other', user_id: 'bob' });

      assert.throws(() => policy.assertCanEditMessage(group, 'bob', elsewhere), {
        code: 'message_not_found',
      });
    });
  });

  describe('deleting a message', () => {
    it('is for its author or an admin', () => {
      policy.assertCanDeleteMessage(group, 'bob', bobsMessage);
      policy.assertCanDeleteMessage(group, 'alice', bobsMessage);
      assert.throws(() => policy.assertCanDeleteMessage(group, 'gina', bobsMessage), {
        code: 'insufficient_role',
      });
    });

    it('gives the admin of a direct channel no power over the other user’s messages', () => {
      const direct = aDirect('alice', 'bob');

      assert.throws(
        () =>
          policy.assertCanDeleteMessage(direct, 'alice', aMessage({ channel_id: direct.id, user_id: 'bob' })),
        {
          code: 'forbidden',
        },
      );
    });
  });
});
