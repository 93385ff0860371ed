import assert from 'node:assert/strict';
import { ChatScenario } from '../../../support/builders/chat-scenario';

describe('UpdateChannelSettings: members_can_pin', () => {
  let s: ChatScenario;
  beforeEach(() => {
    s = new ChatScenario();
  });

  const set = (userId: string, channelId: string, members_can_pin: boolean) =>
    s.useCases.moderation.updateChannelSettings.execute({ userId, channelId, members_can_pin });

  it('lets an admin allow members to pin, shows it on the channel and tells the channel', async () => {
    const channel = await s.group('alice', ['bob']);

    const view = await set('alice', channel.id, true);

    assert.equal(channel.members_can_pin, false);
    assert.equal(view.members_can_pin, true);
    assert.equal(
      (await s.useCases.getChannel.execute({ userId: 'bob', channelId: channel.id })).members_can_pin,
      true,
    );
    assert.equal(s.chat.events.ofType('channel.updated')[0].payload.members_can_pin, true);
  });

  it('writes the name and the setting together', async () => {
    const channel = await s.group('alice', ['bob']);

    const view = await s.useCases.moderation.updateChannelSettings.execute({
      userId: 'alice',
      channelId: channel.id,
      name: 'Pins',
      members_can_pin: true,
    });

    const stored = await s.useCases.getChannel.execute({ userId: 'bob', channelId: channel.id });
    assert.deepEqual([view.name, view.members_can_pin], ['Pins', true]);
    assert.deepEqual([stored.name, stored.members_can_pin], ['Pins', true]);
  });

  it('refuses a member', async () => {
    const channel = await s.group('alice', ['bob']);

    await assert.rejects(set('bob', channel.id, true), { code: 'insufficient_role' });
  });

  it('refuses a direct channel, where both participants may pin anyway', async () => {
    const channel = await s.direct('alice', 'bob');

    await assert.rejects(set('alice', channel.id, true), { code: 'forbidden' });
  });
});
