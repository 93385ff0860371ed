import assert from 'node:assert/strict';
import { ChatScenario } from '../../../support/builders/chat-scenario';

describe('UpdateChannel', () => {
  let s: ChatScenario;
  beforeEach(() => {
    s = new ChatScenario();
  });

  it('lets an admin rename a group', async () => {
    const channel = await s.group('alice', ['bob']);
    s.chat.clock.advance(1000);

    const view = await s.useCases.updateChannel.execute({
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
  });

  it('refuses a member', async () => {
    const channel = await s.group('alice', ['bob']);

    await assert.rejects(
      s.useCases.updateChannel.execute({ userId: 'bob', channelId: channel.id, name: 'x' }),
      {
        code: 'insufficient_role',
      },
    );
  });

  it('refuses a direct channel', async () => {
    const channel = await s.direct('alice', 'bob');

    await assert.rejects(
      s.useCases.updateChannel.execute({ userId: 'alice', channelId: channel.id, name: 'x' }),
      { code: 'forbidden' },
    );
  });

  describe('members_can_pin', () => {
    it('lets an admin allow members to pin, and shows it on the channel', async () => {
      const channel = await s.group('alice', ['bob']);

      const view = await s.useCases.updateChannel.execute({
        userId: 'alice',
        channelId: channel.id,
        members_can_pin: true,
      });

      assert.equal(channel.members_can_pin, false);
      assert.equal(view.members_can_pin, true);
      assert.equal(
        (await s.useCases.getChannel.execute({ userId: 'bob', channelId: channel.id })).members_can_pin,
        true,
      );
    });

    it('refuses a member', async () => {
      const channel = await s.group('alice', ['bob']);

      await assert.rejects(
        s.useCases.updateChannel.execute({ userId: 'bob', channelId: channel.id, members_can_pin: true }),
        { code: 'insufficient_role' },
      );
    });

    it('refuses a direct channel, where both participants may pin anyway', async () => {
      const channel = await s.direct('alice', 'bob');

      await assert.rejects(
        s.useCases.updateChannel.execute({ userId: 'alice', channelId: channel.id, members_can_pin: true }),
        { code: 'forbidden' },
      );
    });
  });
});
