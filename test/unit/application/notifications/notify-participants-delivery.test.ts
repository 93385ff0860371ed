import assert from 'node:assert/strict';
import { ChatScenario } from '../../../support/builders/chat-scenario';
import { InMemoryOfflineNotifier } from '../../../support/in-memory/in-memory-delivery';

describe('NotifyParticipants, delivery', () => {
  let s: ChatScenario;
  let offline: InMemoryOfflineNotifier;
  let channelId: string;

  /** bob and carol online unless told otherwise. */
  beforeEach(async () => {
    s = new ChatScenario();
    offline = s.chat.offline;
    s.chat.presence.onlyOnline(['bob', 'carol']);
    channelId = (await s.group('alice', ['bob', 'carol'])).id;
  });

  async function drain(times = 1): Promise<void> {
    await s.followUps();
    const jobs = s.chat.jobs.drain('notifications');
    for (let i = 0; i < times; i += 1)
      for (const job of jobs) await s.useCases.notifyParticipants.execute(job.data);
  }

  describe('when the job runs twice', () => {
    it('notifies each recipient once', async () => {
      await s.send('alice', channelId);

      await drain(2);

      assert.deepEqual(
        s.chat.events
          .ofType('notification')
          .map((e) => e.user_id)
          .sort(),
        ['bob', 'carol'],
      );
    });
  });

  describe('when the message mentions a recipient', () => {
    it('gives that recipient a `mention` and the others `message.new`', async () => {
      await s.send('alice', channelId, 'over to you @carol');

      await drain();

      const types = Object.fromEntries(
        s.chat.events.ofType('notification').map((e) => [e.user_id, e.payload.type]),
      );
      assert.deepEqual(types, { bob: 'message.new', carol: 'mention' });
    });
  });

  describe('when a recipient is offline', () => {
    beforeEach(() => {
      s.chat.presence.onlyOnline(['bob']);
    });

    it('hands them, and only them, to the offline notifier, once', async () => {
      const sent = await s.send('alice', channelId);

      await drain(2);

      assert.deepEqual([...offline.deliveries.keys()], [`${sent.id}/carol`]);
    });

    it('publishes nothing for them: socket events go to online recipients only', async () => {
      await s.send('alice', channelId);

      await drain();

      assert.deepEqual(
        s.chat.events.ofType('notification').map((e) => e.user_id),
        ['bob'],
      );
    });
  });

  describe('when a recipient muted the channel', () => {
    it('notifies them nowhere, not even offline', async () => {
      await s.useCases.muteChannel.execute({ userId: 'carol', channelId });
      await s.send('alice', channelId, 'hi @carol');

      await drain();

      assert.deepEqual(
        s.chat.events.ofType('notification').map((e) => e.user_id),
        ['bob'],
      );
      assert.equal(offline.deliveries.size, 0);
    });
  });
});
