import assert from 'node:assert/strict';
import { ChatScenario } from '../../../support/builders/chat-scenario';

describe('GetChannel', () => {
  let s: ChatScenario;
  beforeEach(() => {
    s = new ChatScenario();
  });

  it('shows the channel with the caller’s own read state', async () => {
    const channel = await s.group('alice', ['bob']);
    const [first, , last] = await s.sendMany('alice', channel.id, 3);
    await s.useCases.markRead.execute({ userId: 'bob', channelId: channel.id, message_id: first.id });

    const view = await s.useCases.getChannel.execute({ userId: 'bob', channelId: channel.id });

    assert.deepEqual(
      [view.unread_count, view.last_read_message_id, view.is_muted, view.last_message?.id],
      [2, first.id, false, last.id],
    );
  });

  it('shows a channel exactly in the contract’s shape', async () => {
    const channel = await s.group('alice', []);

    const view = await s.useCases.getChannel.execute({ userId: 'alice', channelId: channel.id });

    assert.deepEqual(Object.keys(view).sort(), [
      'channel_type',
      'context_object_id',
      'context_object_type',
      'created_at',
      'created_by',
      'host_application_id',
      'id',
      'is_muted',
      'last_message',
      'last_read_message_id',
      'members_can_pin',
      'name',
      'participants',
      'slow_mode_seconds',
      'unread_count',
      'updated_at',
    ]);
  });

  it('answers channel_not_found for an unknown id and for a non-participant alike', async () => {
    const channel = await s.group('alice', []);

    await assert.rejects(s.useCases.getChannel.execute({ userId: 'zed', channelId: channel.id }), {
      code: 'channel_not_found',
    });
    await assert.rejects(s.useCases.getChannel.execute({ userId: 'alice', channelId: 'nope' }), {
      code: 'channel_not_found',
    });
  });
});
