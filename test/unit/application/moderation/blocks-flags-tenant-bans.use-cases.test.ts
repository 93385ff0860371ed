import assert from 'node:assert/strict';
import { ChatScenario } from '../../../support/builders/chat-scenario';

describe('Blocking, flags and tenant bans', () => {
  let s: ChatScenario;

  beforeEach(() => {
    s = new ChatScenario();
  });

  describe('BlockUser / UnblockUser', () => {
    it('tells the blocker’s sockets once, and records the block on their direct channel', async () => {
      const direct = await s.direct('alice', 'bob');

      await s.useCases.moderation.blockUser.execute({ userId: 'alice', user_id: 'bob' });
      await s.useCases.moderation.blockUser.execute({ userId: 'alice', user_id: 'bob' });

      assert.deepEqual(
        s.chat.events.ofType('block.updated').map((e) => [e.user_id, e.payload]),
        [['alice', { user_id: 'bob', blocked: true }]],
      );
      await assert.rejects(s.send('bob', direct.id), { code: 'forbidden', details: { reason: 'blocked' } });
    });

    it('records a block made before the direct channel existed on it when the blocker opens it', async () => {
      await s.useCases.moderation.blockUser.execute({ userId: 'alice', user_id: 'bob' });

      const direct = await s.direct('alice', 'bob');

      await assert.rejects(s.send('alice', direct.id), { code: 'forbidden' });
      await assert.rejects(s.direct('bob', 'alice'), { code: 'forbidden' });
    });

    it('opens the direct channel again on unblock, telling the blocker’s sockets', async () => {
      const direct = await s.direct('alice', 'bob');
      await s.useCases.moderation.blockUser.execute({ userId: 'alice', user_id: 'bob' });

      const removed = await s.useCases.moderation.unblockUser.execute({
        userId: 'alice',
        targetUserId: 'bob',
      });

      assert.equal(removed.user_id, 'bob');
      assert.equal((await s.send('bob', direct.id)).user_id, 'bob');
      assert.deepEqual(s.chat.events.ofType('block.updated').at(-1)?.payload, {
        user_id: 'bob',
        blocked: false,
      });
    });

    it('refuses blocking oneself, naming user_id', async () => {
      await assert.rejects(s.useCases.moderation.blockUser.execute({ userId: 'alice', user_id: 'alice' }), {
        code: 'validation_error',
        details: { field: 'user_id' },
      });
    });
  });

  describe('FlagMessage', () => {
    it('reports the flag, and reports it again on a repeat (delivered once: same id)', async () => {
      const group = await s.group('alice', ['bob']);
      const message = await s.send('alice', group.id, 'rude');
      const flag = { userId: 'bob', channelId: group.id, messageId: message.id, reason: ' rude ' };

      const first = await s.useCases.moderation.flagMessage.execute(flag);
      const again = await s.useCases.moderation.flagMessage.execute(flag);

      assert.deepEqual([first.created, again.created], [true, false]);
      assert.equal(first.flag.reason, 'rude');
      assert.deepEqual(again.flag, first.flag);
      assert.deepEqual(s.chat.moderation.flagReporter.reported, [first.flag]);
    });
  });

  describe('tenant bans', () => {
    it('refuses the user until the ban ends, and at once after it is lifted', async () => {
      const until = new Date(s.chat.clock.now().getTime() + 60_000);
      const check = () => s.useCases.moderation.checkTenantAccess.execute({ userId: 'bob' });

      await s.useCases.moderation.banFromTenant.execute({ user_id: 'bob', until });
      await assert.rejects(check(), {
        code: 'forbidden',
        details: { reason: 'banned', until: until.toISOString() },
      });
      s.chat.clock.advance(60_000);
      await check();
      await s.useCases.moderation.banFromTenant.execute({ user_id: 'bob' });
      await s.useCases.moderation.liftTenantBan.execute({ user_id: 'bob' });
      await check();
    });

    it('answers not_found when lifting a ban that has ended', async () => {
      const until = new Date(s.chat.clock.now().getTime() + 1_000);
      await s.useCases.moderation.banFromTenant.execute({ user_id: 'bob', until });
      s.chat.clock.advance(1_000);

      await assert.rejects(s.useCases.moderation.liftTenantBan.execute({ user_id: 'bob' }), {
        code: 'not_found',
      });
    });
  });
});
