import assert from 'node:assert/strict';
import { NotifyParticipants } from '../../../../src/application/notifications/notify-participants.use-case';
import { ChatScenario } from '../../../support/builders/chat-scenario';
import {
  FixedPresence,
  InMemoryNotificationLog,
  InMemoryOfflineNotifier,
} from '../../../support/workers/delivery-fakes';

describe('NotifyParticipants, delivery', () => {
  let s: ChatScenario;
  let offline: InMemoryOfflineNotifier;
  let notify: NotifyParticipants;
  let channelId: string;

  /** bob and carol online unless told otherwise. */
  function notifierWith(online: string[]): NotifyParticipants {
    const c = s.chat;
    const log = new InMemoryNotificationLog();
    return new NotifyParticipants(
      c.channels,
      c.messages,
      c.readStates,
      c.events,
      log,
      new FixedPresence(online),
      offline,
    );
  }

  beforeEach(async () => {
    s = new ChatScenario();
    offline = new InMemoryOfflineNotifier();
    notify = notifierWith(['bob', 'carol']);
    channelId = (await s.group('alice', ['bob', 'carol'])).id;
  });

  async function drain(times = 1): Promise<void> {
    await s.followUps();
    const jobs = s.chat.jobs.drain('notifications');
    for (let i = 0; i < times; i += 1) for (const job of jobs) await notify.execute(job.data);
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
      notify = notifierWith(['bob']);
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
