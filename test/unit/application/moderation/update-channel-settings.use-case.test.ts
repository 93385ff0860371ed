import assert from 'node:assert/strict';
import { ChatScenario } from '../../../support/builders/chat-scenario';

describe('UpdateChannelSettings', () => {
  let s: ChatScenario;
  beforeEach(() => {
    s = new ChatScenario();
  });

  describe('the name', () => {
    it('lets an admin rename a group, and tells the channel', async () => {
      const channel = await s.group('alice', ['bob']);
      s.chat.clock.advance(1000);

      const view = await s.useCases.moderation.updateChannelSettings.execute({
        userId: 'alice',
        channelId: channel.id,
        name: ' Launch ',
      });

      assert.equal(view.name, 'Launch');
      assert.notEqual(view.updated_at, channel.updated_at);
      assert.equal(
        (await s.useCases.getChannel.execute({ userId: 'bob', channelId: channel.id })).name,
        'Launch',
      );
      assert.deepEqual(
        s.chat.events.ofType('channel.updated').map((e) => e.payload),
        [
          {
            channel_id: channel.id,
            name: 'Launch',
            slow_mode_seconds: 0,
            members_can_pin: false,
            updated_at: view.updated_at,
          },
        ],
      );
    });

    it('refuses a member', async () => {
      const channel = await s.group('alice', ['bob']);

      await assert.rejects(
        s.useCases.moderation.updateChannelSettings.execute({
          userId: 'bob',
          channelId: channel.id,
          name: 'x',
        }),
        { code: 'insufficient_role' },
      );
    });

    it('refuses a direct channel', async () => {
      const channel = await s.direct('alice', 'bob');

      await assert.rejects(
        s.useCases.moderation.updateChannelSettings.execute({
          userId: 'alice',
          channelId: channel.id,
          name: 'x',
        }),
        { code: 'forbidden' },
      );
    });
  });

  describe('slow mode', () => {
    it('sets it, shows it on the channel and tells the channel', async () => {
      const channel = await s.group('alice', ['bob']);

      const view = await s.useCases.moderation.updateChannelSettings.execute({
        userId: 'alice',
        channelId: channel.id,
        slow_mode_seconds: 30,
      });

      assert.equal(view.slow_mode_seconds, 30);
      assert.equal(
        (await s.useCases.getChannel.execute({ userId: 'bob', channelId: channel.id })).slow_mode_seconds,
        30,
      );
      assert.equal(s.chat.events.ofType('channel.updated')[0].payload.slow_mode_seconds, 30);
    });

    it('writes neither setting when one is refused', async () => {
      const channel = await s.group('alice', ['bob']);

      await assert.rejects(
        s.useCases.moderation.updateChannelSettings.execute({
          userId: 'alice',
          channelId: channel.id,
          name: 'Renamed',
          slow_mode_seconds: 99_999,
        }),
        { code: 'validation_error', details: { field: 'slow_mode_seconds' } },
      );

      const after = await s.useCases.getChannel.execute({ userId: 'alice', channelId: channel.id });
      assert.equal(after.name, 'General');
      assert.equal(s.chat.events.ofType('channel.updated').length, 0);
    });

    it('refuses a direct channel', async () => {
      const channel = await s.direct('alice', 'bob');

      await assert.rejects(
        s.useCases.moderation.updateChannelSettings.execute({
          userId: 'alice',
          channelId: channel.id,
          slow_mode_seconds: 10,
        }),
        { code: 'forbidden' },
      );
    });
  });
});
