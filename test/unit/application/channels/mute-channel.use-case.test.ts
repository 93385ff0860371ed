import assert from 'node:assert/strict';
import { ChatScenario } from '../../../support/builders/chat-scenario';

describe('MuteChannel and UnmuteChannel', () => {
  let s: ChatScenario;
  let channelId: string;
  beforeEach(async () => {
    s = new ChatScenario();
    channelId = (await s.group('alice', ['bob'])).id;
  });

  it('mutes the channel for the caller only', async () => {
    const result = await s.useCases.muteChannel.execute({ userId: 'bob', channelId });

    assert.deepEqual(result, { channel_id: channelId, is_muted: true });
    assert.equal((await s.useCases.getChannel.execute({ userId: 'bob', channelId })).is_muted, true);
    assert.equal((await s.useCases.getChannel.execute({ userId: 'alice', channelId })).is_muted, false);
  });

  it('unmutes it again', async () => {
    await s.useCases.muteChannel.execute({ userId: 'bob', channelId });

    await s.useCases.unmuteChannel.execute({ userId: 'bob', channelId });

    assert.equal((await s.useCases.getChannel.execute({ userId: 'bob', channelId })).is_muted, false);
  });

  it('answers channel_not_found to a non-participant', async () => {
    await assert.rejects(s.useCases.muteChannel.execute({ userId: 'zed', channelId }), {
      code: 'channel_not_found',
    });
  });
});
