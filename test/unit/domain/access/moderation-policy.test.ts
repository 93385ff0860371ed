import assert from 'node:assert/strict';
import * as policy from '../../../../src/domain/access/moderation-policy';
import { Channel } from '../../../../src/domain/channel/channel.entity';
import { ChannelModeration } from '../../../../src/domain/moderation/channel-moderation';
import { newRestriction } from '../../../../src/domain/moderation/restriction';
import { aDirect, aGroup, T0 } from '../../../support/builders/channel.builder';
import { aMessage } from '../../../support/builders/message.builder';

const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const restriction = (user_id: string, until: Date | null = null) =>
  newRestriction({ user_id, until, created_by: 'alice' }, T0);

function withModeration(channel: Channel, moderation: ChannelModeration): Channel {
  return Channel.fromPrimitives({ ...channel.toPrimitives(), moderation: moderation.toPrimitives() });
}

describe('ModerationPolicy', () => {
  const group = aGroup(['bob', 'carol']);

  describe('assertCanSendNow', () => {
    const standing = (moderation: ChannelModeration, role: 'admin' | 'member' | null = 'member') => ({
      channelType: 'group' as const,
      role,
      moderation,
    });

    it('lets a member send, with the channel’s slow mode; an admin without it', () => {
      const slow = ChannelModeration.none().withSlowMode(30);

      assert.deepEqual(policy.assertCanSendNow(standing(slow), 'bob', T0), { slowModeSeconds: 30 });
      assert.deepEqual(policy.assertCanSendNow(standing(slow, 'admin'), 'alice', T0), { slowModeSeconds: 0 });
    });

    it('refuses a muted member with forbidden until the mute ends', () => {
      const muted = ChannelModeration.none().withMute(restriction('bob', at(60)), T0);

      assert.throws(() => policy.assertCanSendNow(standing(muted), 'bob', at(59)), {
        code: 'forbidden',
        details: { reason: 'muted', until: at(60).toISOString() },
      });
      assert.deepEqual(policy.assertCanSendNow(standing(muted), 'bob', at(60)), { slowModeSeconds: 0 });
    });

    it('treats a banned user still listed as a participant as removed', () => {
      const banned = ChannelModeration.none().withBan(restriction('bob'), T0);

      assert.throws(() => policy.assertCanSendNow(standing(banned), 'bob', T0), {
        code: 'channel_not_found',
      });
      assert.throws(() => policy.assertCanSendNow(standing(ChannelModeration.none(), null), 'zed', T0), {
        code: 'channel_not_found',
      });
    });

    it('refuses both users of a direct channel where either blocked the other', () => {
      const blocked = {
        channelType: 'direct' as const,
        role: 'admin' as const,
        moderation: ChannelModeration.none().withBlockBy('bob', true),
      };

      assert.throws(() => policy.assertCanSendNow(blocked, 'alice', T0), {
        code: 'forbidden',
        details: { reason: 'blocked' },
      });
      assert.throws(() => policy.assertCanSendNow({ ...blocked, role: 'member' }, 'bob', T0), {
        code: 'forbidden',
      });
    });
  });

  describe('who moderates', () => {
    it('lets admins ban anyone but themselves, and mute members but not admins', () => {
      const withAdmin = aGroup(['bob', { user_id: 'dana', role: 'admin' }]);

      assert.equal(policy.assertCanBan(withAdmin, 'alice', 'dana').userId, 'alice');
      assert.equal(policy.assertCanBan(withAdmin, 'alice', 'zed').userId, 'alice');
      assert.equal(policy.assertCanMuteMember(withAdmin, 'alice', 'bob').userId, 'alice');
      assert.throws(() => policy.assertCanBan(withAdmin, 'alice', 'alice'), { code: 'forbidden' });
      assert.throws(() => policy.assertCanMuteMember(withAdmin, 'alice', 'dana'), { code: 'forbidden' });
      assert.throws(() => policy.assertCanMuteMember(withAdmin, 'alice', 'zed'), { code: 'not_found' });
    });

    it('refuses members with insufficient_role, strangers with channel_not_found, direct channels with forbidden', () => {
      assert.throws(() => policy.assertCanModerate(group, 'bob', 'banning users'), {
        code: 'insufficient_role',
      });
      assert.throws(() => policy.assertCanModerate(group, 'zed', 'banning users'), {
        code: 'channel_not_found',
      });
      assert.throws(() => policy.assertCanModerate(aDirect('alice', 'bob'), 'alice', 'banning users'), {
        code: 'forbidden',
      });
    });
  });

  describe('assertNoneBanned', () => {
    it('refuses adding a user while their ban holds, with conflict', () => {
      const channel = withModeration(group, ChannelModeration.none().withBan(restriction('zed', at(10)), T0));

      assert.throws(() => policy.assertNoneBanned(channel, ['dan', 'zed'], at(9)), {
        code: 'conflict',
        details: { reason: 'banned', user_id: 'zed', until: at(10).toISOString() },
      });
      assert.doesNotThrow(() => policy.assertNoneBanned(channel, ['dan', 'zed'], at(10)));
    });
  });

  describe('assertCanFlag', () => {
    it('lets any participant flag someone else’s message, not their own nor a deleted one', () => {
      const message = aMessage({ channel_id: group.id, user_id: 'bob' });
      const deleted = aMessage({ channel_id: group.id, user_id: 'bob', deleted_at: T0 });

      assert.equal(policy.assertCanFlag(group, 'carol', message).userId, 'carol');
      assert.throws(() => policy.assertCanFlag(group, 'bob', message), { code: 'forbidden' });
      assert.throws(() => policy.assertCanFlag(group, 'carol', deleted), { code: 'conflict' });
      assert.throws(() => policy.assertCanFlag(group, 'zed', message), { code: 'channel_not_found' });
    });
  });

  describe('tenant bans and direct channels', () => {
    it('refuses a user banned from the tenant until the ban ends', () => {
      const ban = restriction('bob', at(5));

      assert.throws(() => policy.assertNotBannedFromTenant(ban, at(4)), {
        code: 'forbidden',
        details: { reason: 'banned', until: at(5).toISOString() },
      });
      assert.doesNotThrow(() => policy.assertNotBannedFromTenant(ban, at(5)));
      assert.doesNotThrow(() => policy.assertNotBannedFromTenant(null, at(5)));
    });

    it('refuses opening a direct channel with someone who blocked you', () => {
      assert.throws(() => policy.assertCanOpenDirect(true), { code: 'forbidden' });
      assert.doesNotThrow(() => policy.assertCanOpenDirect(false));
    });
  });
});
