import assert from 'node:assert/strict';
import type { ChannelView } from '../../../../src/application/views/channel.view';
import { ChatScenario } from '../../../support/builders/chat-scenario';

describe('Channel moderation use cases', () => {
  let s: ChatScenario;
  let channel: ChannelView;
  const inSeconds = (seconds: number) => new Date(s.chat.clock.now().getTime() + seconds * 1000);

  beforeEach(async () => {
    s = new ChatScenario();
    channel = await s.group('alice', ['bob', 'carol']);
  });

  describe('BanFromChannel', () => {
    it('removes the participant and tells the channel they were banned', async () => {
      const { created } = await s.useCases.moderation.banFromChannel.execute({
        userId: 'alice',
        channelId: channel.id,
        user_id: 'bob',
      });

      assert.equal(created, true);
      assert.deepEqual(
        s.chat.events.ofType('participant.removed').map((e) => e.payload),
        [{ channel_id: channel.id, user_id: 'bob', reason: 'banned' }],
      );
      assert.equal(await s.chat.readStates.find('bob', channel.id), null);
    });

    it('lets the user be added back once the ban has ended', async () => {
      await s.useCases.moderation.banFromChannel.execute({
        userId: 'alice',
        channelId: channel.id,
        user_id: 'bob',
        until: inSeconds(60),
      });
      const add = () =>
        s.useCases.addParticipant.execute({ userId: 'alice', channelId: channel.id, user_id: 'bob' });

      await assert.rejects(add(), { code: 'conflict' });
      s.chat.clock.advance(60_000);
      assert.equal((await add()).added, true);
    });

    it('publishes nothing when banning someone who is not a participant', async () => {
      await s.useCases.moderation.banFromChannel.execute({
        userId: 'alice',
        channelId: channel.id,
        user_id: 'zed',
      });

      assert.deepEqual(s.chat.events.ofType('participant.removed'), []);
    });
  });

  describe('MuteMember', () => {
    it('refuses the member’s sends until the mute ends', async () => {
      const until = inSeconds(30);
      await s.useCases.moderation.muteMember.execute({
        userId: 'alice',
        channelId: channel.id,
        user_id: 'bob',
        until,
      });

      await assert.rejects(s.send('bob', channel.id), {
        code: 'forbidden',
        details: { reason: 'muted', until: until.toISOString() },
      });
      s.chat.clock.advance(30_000);
      assert.equal((await s.send('bob', channel.id)).user_id, 'bob');
    });

    it('tells the channel once per change of the mute’s end', async () => {
      const mute = (until: Date | null) =>
        s.useCases.moderation.muteMember.execute({
          userId: 'alice',
          channelId: channel.id,
          user_id: 'bob',
          until,
        });
      const end = inSeconds(600);

      await mute(end);
      await mute(end);
      await mute(null);

      assert.deepEqual(
        s.chat.events.ofType('participant.muted').map((e) => e.payload.until),
        [end.toISOString(), null],
      );
    });

    it('lifts with UnmuteMember, telling the channel', async () => {
      await s.useCases.moderation.muteMember.execute({
        userId: 'alice',
        channelId: channel.id,
        user_id: 'bob',
      });

      await s.useCases.moderation.unmuteMember.execute({
        userId: 'alice',
        channelId: channel.id,
        targetUserId: 'bob',
      });

      assert.equal((await s.send('bob', channel.id)).user_id, 'bob');
      assert.deepEqual(
        s.chat.events.ofType('participant.unmuted').map((e) => e.payload),
        [{ channel_id: channel.id, user_id: 'bob' }],
      );
    });
  });

  describe('slow mode in SendMessage', () => {
    beforeEach(async () => {
      await s.useCases.moderation.updateChannelSettings.execute({
        userId: 'alice',
        channelId: channel.id,
        slow_mode_seconds: 10,
      });
    });

    it('refuses a member’s second message within the period, saying how long to wait', async () => {
      await s.useCases.sendMessage.execute({ userId: 'bob', channelId: channel.id, content: 'one' });
      s.chat.clock.advance(4_000);

      await assert.rejects(
        s.useCases.sendMessage.execute({ userId: 'bob', channelId: channel.id, content: 'two' }),
        { code: 'rate_limited', details: { scope: 'slow_mode', retry_after_seconds: 6 } },
      );
      s.chat.clock.advance(6_000);
      const third = await s.useCases.sendMessage.execute({
        userId: 'bob',
        channelId: channel.id,
        content: 'three',
      });
      assert.equal(third.created, true);
    });

    it('gives the turn back when the message cannot be stored', async () => {
      s.chat.jobs.down = true;
      await assert.rejects(
        s.useCases.sendMessage.execute({ userId: 'bob', channelId: channel.id, content: 'lost' }),
      );
      s.chat.jobs.down = false;

      const retry = await s.useCases.sendMessage.execute({
        userId: 'bob',
        channelId: channel.id,
        content: 'again',
      });

      assert.equal(retry.created, true);
    });
  });

  describe('AddParticipants', () => {
    it('adds nobody when one of the list is banned', async () => {
      await s.useCases.moderation.banFromChannel.execute({
        userId: 'alice',
        channelId: channel.id,
        user_id: 'zed',
      });

      await assert.rejects(
        s.useCases.addParticipants.execute({
          userId: 'alice',
          channelId: channel.id,
          participants: [{ user_id: 'dan' }, { user_id: 'zed' }],
        }),
        { code: 'conflict', details: { reason: 'banned', user_id: 'zed', until: null } },
      );
      const view = await s.useCases.getChannel.execute({ userId: 'alice', channelId: channel.id });
      assert.deepEqual(
        view.participants.map((p) => p.user_id),
        ['alice', 'bob', 'carol'],
      );
    });
  });
});
