import assert from 'node:assert/strict';
import * as policy from '../../../../src/domain/access/access-policy';
import { aDirect, aGroup } from '../../../support/builders/channel.builder';
import { aMessage } from '../../../support/builders/message.builder';
import { T0 } from '../../../support/builders/channel.builder';

describe('AccessPolicy: reactions and pins', () => {
  const others = [{ user_id: 'bob' }, { user_id: 'gina', user_type: 'guest' as const }];

  describe('reacting', () => {
    const group = aGroup(others);
    const message = aMessage({ channel_id: group.id, user_id: 'bob' });

    it('is open to every participant, guests included', () => {
      for (const user of ['alice', 'bob', 'gina'])
        assert.equal(policy.assertCanReact(group, user, message).userId, user);
    });

    it('is channel_not_found for a stranger and message_not_found for a message of another channel', () => {
      assert.throws(() => policy.assertCanReact(group, 'zed', message), { code: 'channel_not_found' });
      const elsewhere = aMessage({ channel_id: aGroup().id });
      assert.throws(() => policy.assertCanReact(group, 'bob', elsewhere), { code: 'message_not_found' });
    });

    it('refuses a tombstone with conflict, but lets anyone take back (nothing from) it', () => {
      const tombstone = aMessage({ channel_id: group.id, deleted_at: T0 });

      assert.throws(() => policy.assertCanReact(group, 'bob', tombstone), { code: 'conflict' });
      assert.equal(policy.assertCanUnreact(group, 'bob', tombstone).userId, 'bob');
    });
  });

  describe('pinning', () => {
    it('is for admins only while members_can_pin is off', () => {
      const group = aGroup(others);
      const message = aMessage({ channel_id: group.id });

      assert.equal(policy.assertCanPin(group, 'alice', message).role, 'admin');
      for (const check of [policy.assertCanPin, policy.assertCanUnpin])
        assert.throws(() => check(group, 'bob', message), {
          code: 'insufficient_role',
          details: { action: 'pinning messages', required_role: 'admin' },
        });
    });

    it('is open to members, never guests, once members_can_pin is on', () => {
      const group = aGroup(others);
      group.setMembersCanPin(true, T0);
      const message = aMessage({ channel_id: group.id });

      assert.equal(policy.assertCanPin(group, 'bob', message).role, 'member');
      assert.equal(policy.assertCanUnpin(group, 'bob', message).role, 'member');
      assert.throws(() => policy.assertCanPin(group, 'gina', message), {
        code: 'insufficient_role',
        details: { action: 'pinning messages', required_role: 'member' },
      });
    });

    it('is open to both participants of a direct channel', () => {
      const direct = aDirect('alice', 'bob');
      const message = aMessage({ channel_id: direct.id });

      assert.equal(policy.assertCanPin(direct, 'bob', message).userId, 'bob');
    });

    it('refuses a tombstone with conflict, and a stranger with channel_not_found', () => {
      const group = aGroup(others);

      assert.throws(
        () => policy.assertCanPin(group, 'alice', aMessage({ channel_id: group.id, deleted_at: T0 })),
        {
          code: 'conflict',
        },
      );
      assert.throws(() => policy.assertCanPin(group, 'zed', aMessage({ channel_id: group.id })), {
        code: 'channel_not_found',
      });
    });

    it('lets admins alone change who may pin', () => {
      const group = aGroup(others);

      assert.equal(policy.assertCanChangePinSetting(group, 'alice').role, 'admin');
      assert.throws(() => policy.assertCanChangePinSetting(group, 'bob'), { code: 'insufficient_role' });
    });
  });
});
