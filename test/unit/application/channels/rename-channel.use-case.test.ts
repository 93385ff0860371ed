import assert from 'node:assert/strict';
import { ChatScenario } from '../../../support/builders/chat-scenario';

describe('RenameChannel', () => {
  let s: ChatScenario;
  beforeEach(() => {
    s = new ChatScenario();
  });

  it('lets an admin rename a group', async () => {
    const channel = await s.group('alice', ['bob']);
    s.chat.clock.advance(1000);

    const view = await s.useCases.renameChannel.execute({
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
      s.useCases.renameChannel.execute({ userId: 'bob', channelId: channel.id, name: 'x' }),
      {
        code: 'insufficient_role',
      },
    );
  });

  it('refuses a direct channel', async () => {
    const channel = await s.direct('alice', 'bob');

    await assert.rejects(
      s.useCases.renameChannel.execute({ userId: 'alice', channelId: channel.id, name: 'x' }),
      { code: 'forbidden' },
    );
  });
});
