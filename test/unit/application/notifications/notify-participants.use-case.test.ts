import assert from 'node:assert/strict';
import { ChatScenario } from '../../../support/builders/chat-scenario';

describe('NotifyParticipants', () => {
  let s: ChatScenario;
  let channelId: string;
  beforeEach(async () => {
    s = new ChatScenario();
    channelId = (await s.group('alice', ['bob', 'carol'])).id;
  });

  async function drainNotifications(): Promise<void> {
    await s.followUps();
    for (const job of s.chat.jobs.drain('notifications'))
      await s.useCases.notifyParticipants.execute(job.data);
  }

  it('notifies every participant but the sender', async () => {
    const sent = await s.send('alice', channelId);

    await drainNotifications();

    const notified = s.chat.events.ofType('notification');
    assert.deepEqual(notified.map((e) => e.user_id).sort(), ['bob', 'carol']);
    assert.deepEqual(notified[0].payload, { type: 'message.new', channel_id: channelId, message: sent });
  });

  it('skips those who muted the channel', async () => {
    await s.useCases.muteChannel.execute({ userId: 'carol', channelId });
    await s.send('alice', channelId);

    await drainNotifications();

    assert.deepEqual(
      s.chat.events.ofType('notification').map((e) => e.user_id),
      ['bob'],
    );
  });

  it('skips those who already read the message', async () => {
    await s.send('alice', channelId);
    await s.useCases.markRead.execute({ userId: 'bob', channelId });

    await drainNotifications();

    assert.deepEqual(
      s.chat.events.ofType('notification').map((e) => e.user_id),
      ['carol'],
    );
  });

  it('notifies nobody of a message deleted meanwhile', async () => {
    const sent = await s.send('alice', channelId);
    await s.useCases.deleteMessage.execute({ userId: 'alice', channelId, messageId: sent.id });

    await drainNotifications();

    assert.equal(s.chat.events.ofType('notification').length, 0);
  });
});
