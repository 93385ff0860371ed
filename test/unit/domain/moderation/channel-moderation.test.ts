import assert from 'node:assert/strict';
import { ChannelModeration } from '../../../../src/domain/moderation/channel-moderation';
import { newRestriction } from '../../../../src/domain/moderation/restriction';
import { T0 } from '../../../support/builders/channel.builder';

const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe('ChannelModeration', () => {
  it('replaces a user’s ban rather than keeping two', () => {
    const first = newRestriction({ user_id: 'bob', reason: 'one', created_by: 'alice' }, T0);
    const second = newRestriction({ user_id: 'bob', reason: 'two', until: at(60), created_by: 'alice' }, T0);

    const moderation = ChannelModeration.none().withBan(first, T0).withBan(second, T0);

    assert.deepEqual(moderation.bans(T0), [second]);
  });

  it('drops restrictions that have ended at the next change, and never answers them', () => {
    const short = newRestriction({ user_id: 'bob', until: at(10), created_by: 'alice' }, T0);
    const long = newRestriction({ user_id: 'carol', until: null, created_by: 'alice' }, T0);
    const moderation = ChannelModeration.none().withMute(short, T0).withMute(long, T0);

    const later = moderation.withoutMute('nobody', at(11));

    assert.equal(moderation.muteOf('bob', at(11)), null);
    assert.deepEqual(
      later.toPrimitives().mutes.map((m) => m.user_id),
      ['carol'],
    );
  });

  it('refuses an end in the past and a reason over 500 characters, naming the field', () => {
    assert.throws(() => newRestriction({ user_id: 'bob', until: T0, created_by: 'alice' }, T0), {
      details: { field: 'until' },
    });
    assert.throws(
      () => newRestriction({ user_id: 'bob', reason: 'x'.repeat(501), created_by: 'alice' }, T0),
      {
        details: { field: 'reason' },
      },
    );
  });

  it('keeps slow mode within 0-3600 whole seconds', () => {
    assert.equal(ChannelModeration.none().withSlowMode(3600).slowModeSeconds, 3600);
    for (const bad of [-1, 3601, 2.5]) {
      assert.throws(() => ChannelModeration.none().withSlowMode(bad), {
        details: { field: 'slow_mode_seconds' },
      });
    }
  });

  it('records each user’s block of a direct channel on its own', () => {
    const both = ChannelModeration.none().withBlockBy('alice', true).withBlockBy('bob', true);

    assert.deepEqual(both.withBlockBy('alice', false).blockedBy, ['bob']);
    assert.deepEqual(both.withBlockBy('alice', true).blockedBy.length, 2);
  });

  it('reads a channel stored before moderation existed as none', () => {
    assert.deepEqual(
      ChannelModeration.fromPrimitives(undefined).toPrimitives(),
      ChannelModeration.none().toPrimitives(),
    );
  });
});
