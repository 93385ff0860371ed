import assert from 'node:assert/strict';
import { MAX_PINS_PER_CHANNEL } from '../../../../src/domain/pin/pin';
import { ChatScenario } from '../../../support/builders/chat-scenario';

describe('PinMessage, UnpinMessage and ListPinnedMessages', () => {
  let s: ChatScenario;
  let channelId: string;
  beforeEach(async () => {
    s = new ChatScenario();
    channelId = (await s.group('alice', ['bob'])).id;
  });

  const pin = (userId: string, messageId: number) =>
    s.useCases.pinMessage.execute({ userId, channelId, messageId });
  const unpin = (userId: string, messageId: number) =>
    s.useCases.unpinMessage.execute({ userId, channelId, messageId });
  const pinned = (userId = 'bob') => s.useCases.listPinnedMessages.execute({ userId, channelId });

  describe('PinMessage', () => {
    it('pins for an admin, shows it on the message and publishes message.pinned', async () => {
      const message = await s.send('bob', channelId, 'the plan');
      s.chat.clock.advance(1000);

      const { message: seen, created } = await pin('alice', message.id);

      assert.equal(created, true);
      assert.deepEqual([seen.pinned_by, seen.pinned_at], ['alice', s.chat.clock.now().toISOString()]);
      const [event] = s.chat.events.ofType('message.pinned');
      assert.deepEqual([event.payload.user_id, event.payload.message.pinned_by], ['alice', 'alice']);
      const page = await s.useCases.listMessages.execute({ userId: 'bob', channelId });
      assert.equal(page.results[0].pinned_by, 'alice');
    });

    it('is idempotent: a pinned message keeps its first pin and nothing is published again', async () => {
      const message = await s.send('bob', channelId, 'the plan');
      const first = await pin('alice', message.id);
      s.chat.clock.advance(1000);

      const again = await pin('alice', message.id);

      assert.equal(again.created, false);
      assert.equal(again.message.pinned_at, first.message.pinned_at);
      assert.equal(s.chat.events.ofType('message.pinned').length, 1);
    });

    it('refuses a member until the channel lets members pin', async () => {
      const message = await s.send('bob', channelId, 'mine');

      await assert.rejects(pin('bob', message.id), { code: 'insufficient_role' });
      await s.useCases.moderation.updateChannelSettings.execute({
        userId: 'alice',
        channelId,
        members_can_pin: true,
      });
      assert.equal((await pin('bob', message.id)).created, true);
    });

    it(`refuses pin number ${MAX_PINS_PER_CHANNEL + 1} with conflict, and takes one again after an unpin`, async () => {
      const messages = await s.sendMany('bob', channelId, MAX_PINS_PER_CHANNEL + 1);
      for (const m of messages.slice(0, MAX_PINS_PER_CHANNEL)) await pin('alice', m.id);

      await assert.rejects(pin('alice', messages[MAX_PINS_PER_CHANNEL].id), {
        code: 'conflict',
        details: { limit: MAX_PINS_PER_CHANNEL },
      });
      await unpin('alice', messages[0].id);
      assert.equal((await pin('alice', messages[MAX_PINS_PER_CHANNEL].id)).created, true);
    });

    it('refuses a tombstone with conflict', async () => {
      const message = await s.send('bob', channelId, 'gone');
      await s.useCases.deleteMessage.execute({ userId: 'bob', channelId, messageId: message.id });

      await assert.rejects(pin('alice', message.id), { code: 'conflict' });
    });
  });

  describe('UnpinMessage', () => {
    it('unpins, publishes message.unpinned, and is idempotent', async () => {
      const message = await s.send('bob', channelId, 'the plan');
      await pin('alice', message.id);

      const seen = await unpin('alice', message.id);
      await unpin('alice', message.id);

      assert.deepEqual([seen.pinned_at, seen.pinned_by], [null, null]);
      assert.equal(s.chat.events.ofType('message.unpinned').length, 1);
      assert.deepEqual((await pinned()).results, []);
    });

    it('refuses a member while only admins may pin', async () => {
      const message = await s.send('bob', channelId, 'the plan');
      await pin('alice', message.id);

      await assert.rejects(unpin('bob', message.id), { code: 'insufficient_role' });
    });
  });

  describe('ListPinnedMessages', () => {
    it('lists the pinned messages, the most recently pinned first, for any participant', async () => {
      const [one, two, three] = await s.sendMany('alice', channelId, 3);
      for (const m of [two, one]) {
        s.chat.clock.advance(1000);
        await pin('alice', m.id);
      }

      const { results } = await pinned('bob');

      assert.deepEqual(
        results.map((m) => m.id),
        [one.id, two.id],
      );
      assert.ok(!results.some((m) => m.id === three.id));
    });

    it('answers channel_not_found to a stranger', async () => {
      await assert.rejects(pinned('zed'), { code: 'channel_not_found' });
    });
  });

  describe('deleting a pinned message', () => {
    it('unpins it (message.unpinned) and clears its reactions', async () => {
      const message = await s.send('bob', channelId, 'oops');
      await pin('alice', message.id);
      await s.useCases.addReaction.execute({
        userId: 'alice',
        channelId,
        messageId: message.id,
        emoji: 'eyes',
      });

      const tombstone = await s.useCases.deleteMessage.execute({
        userId: 'bob',
        channelId,
        messageId: message.id,
      });

      assert.deepEqual(
        [tombstone.reaction_counts, tombstone.own_reactions, tombstone.pinned_at],
        [{}, [], null],
      );
      assert.equal(s.chat.events.ofType('message.unpinned').length, 1);
      assert.equal(s.chat.reactions.count(), 0);
      assert.deepEqual((await pinned()).results, []);
    });
  });
});
