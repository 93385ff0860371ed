import assert from 'node:assert/strict';
import { ChatScenario } from '../../../support/builders/chat-scenario';

describe('ChangeRole', () => {
  let s: ChatScenario;
  let channelId: string;
  beforeEach(async () => {
    s = new ChatScenario();
    channelId = (await s.group('alice', ['bob'])).id;
  });

  it('lets an admin promote a member', async () => {
    const changed = await s.useCases.changeRole.execute({
      userId: 'alice',
      channelId,
      targetUserId: 'bob',
      role: 'admin',
    });

    assert.equal(changed.role, 'admin');
    const view = await s.useCases.getChannel.execute({ userId: 'bob', channelId });
    assert.equal(view.participants.find((p) => p.user_id === 'bob')?.role, 'admin');
  });

  it('refuses a member with insufficient_role', async () => {
    await assert.rejects(
      s.useCases.changeRole.execute({ userId: 'bob', channelId, targetUserId: 'bob', role: 'admin' }),
      {
        code: 'insufficient_role',
      },
    );
  });

  it('refuses the last admin stepping down while others remain', async () => {
    await assert.rejects(
      s.useCases.changeRole.execute({ userId: 'alice', channelId, targetUserId: 'alice', role: 'member' }),
      {
        code: 'conflict',
      },
    );
  });
});
