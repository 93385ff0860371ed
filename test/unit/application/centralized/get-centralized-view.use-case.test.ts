import assert from 'node:assert/strict';
import { ChatScenario } from '../../../support/builders/chat-scenario';

describe('GetCentralizedView', () => {
  let s: ChatScenario;
  beforeEach(() => {
    s = new ChatScenario();
  });

  it('shows the anchor channel, its latest messages and every conversation, most recent first', async () => {
    const quiet = await s.group('alice', ['bob'], 'quiet');
    const busy = await s.group('alice', ['bob'], 'busy');
    const sent = await s.sendMany('bob', busy.id, 3);

    const view = await s.useCases.getCentralizedView.execute({
      userId: 'alice',
      channelId: quiet.id,
      limit: 2,
    });

    assert.equal(view.channel?.id, quiet.id);
    assert.deepEqual(view.messages, []);
    assert.deepEqual(
      view.conversations.map((c) => [c.id, c.unread_count, c.last_message?.id]),
      [
        [busy.id, 3, sent[2].id],
        [quiet.id, 0, undefined],
      ],
    );
    assert.deepEqual(view.totals, { unread_channels: 1, unread_messages: 3 });
  });

  it('gives the anchor’s latest page of messages, ascending', async () => {
    const channel = await s.group('alice', ['bob']);
    const sent = await s.sendMany('bob', channel.id, 3);

    const view = await s.useCases.getCentralizedView.execute({
      userId: 'alice',
      channelId: channel.id,
      limit: 2,
    });

    assert.deepEqual(
      view.messages.map((m) => m.id),
      [sent[1].id, sent[2].id],
    );
  });

  describe('without an anchor', () => {
    it('has no channel and no messages', async () => {
      await s.group('alice', []);

      const view = await s.useCases.getCentralizedView.execute({ userId: 'alice' });

      assert.deepEqual([view.channel, view.messages, view.conversations.length], [null, [], 1]);
    });
  });

  describe('with a muted channel', () => {
    it('lists it, flagged is_muted, and counts it in the totals only with include_muted', async () => {
      const muted = await s.group('alice', ['bob']);
      await s.send('bob', muted.id);
      await s.useCases.muteChannel.execute({ userId: 'alice', channelId: muted.id });

      const without = await s.useCases.getCentralizedView.execute({ userId: 'alice' });
      const withMuted = await s.useCases.getCentralizedView.execute({ userId: 'alice', include_muted: true });

      assert.deepEqual(
        without.conversations.map((c) => [c.id, c.is_muted, c.unread_count]),
        [[muted.id, true, 1]],
      );
      assert.deepEqual(without.totals, { unread_channels: 0, unread_messages: 0 });
      assert.deepEqual(withMuted.conversations, without.conversations);
      assert.deepEqual(withMuted.totals, { unread_channels: 1, unread_messages: 1 });
    });
  });

  it('answers channel_not_found for an anchor the caller is not in', async () => {
    const channel = await s.group('carol', []);

    await assert.rejects(s.useCases.getCentralizedView.execute({ userId: 'alice', channelId: channel.id }), {
      code: 'channel_not_found',
    });
  });
});
