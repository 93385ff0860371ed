import assert from 'node:assert/strict';
import { ResumePendingSends } from '../../../../src/application/messaging/resume-pending-sends.use-case';
import { Message } from '../../../../src/domain/message/message.entity';
import { ChatScenario } from '../../../support/builders/chat-scenario';
import { InMemorySendOutbox } from '../../../support/in-memory/in-memory-delivery';

describe('ResumePendingSends', () => {
  let s: ChatScenario;
  let outbox: InMemorySendOutbox;
  let resume: ResumePendingSends;
  let channelId: string;
  const later = () => new Date(s.chat.clock.now().getTime() + 60_000);

  beforeEach(async () => {
    s = new ChatScenario();
    outbox = s.chat.outbox;
    resume = s.useCases.resumePendingSends;
    channelId = (await s.group('alice', ['bob'])).id;
  });

  describe('when a send of the previous layout stored its message and its process died', () => {
    it("enqueues the message's follow-up (which moves the sender pointer) and closes the entry", async () => {
      const draft = Message.draft({
        channel_id: channelId,
        user_id: 'alice',
        content: 'lost',
        parent: null,
        now: s.chat.clock.now(),
      });
      await outbox.open({ channel_id: channelId, user_id: 'alice', created_at: draft.created_at });
      const { message } = await s.chat.messages.append(draft);

      const result = await resume.execute({ openedBefore: later(), limit: 10 });

      assert.deepEqual(result, { closed: 1, resumed: 1 });
      assert.deepEqual(
        s.chat.jobs.jobs.map((j) => j.id),
        [`unread.${channelId}.${message.id}`],
      );
      for (const job of s.chat.jobs.drain('unread-counts')) await s.useCases.completeSend.execute(job.data);
      assert.equal((await s.chat.readStates.find('alice', channelId))?.last_read_message_id, message.id);
      assert.equal(outbox.entries.size, 0);
    });
  });

  describe('when the message was never stored', () => {
    it('closes the entry and does nothing else', async () => {
      await outbox.open({ channel_id: channelId, user_id: 'alice', created_at: s.chat.clock.now() });

      const result = await resume.execute({ openedBefore: later(), limit: 10 });

      assert.deepEqual(result, { closed: 1, resumed: 0 });
      assert.equal(s.chat.jobs.jobs.length, 0);
    });
  });

  describe('when a send of the current layout completed normally', () => {
    it('uses no outbox entry (its held follow-up job is its outbox)', async () => {
      await s.useCases.sendMessage.execute({ userId: 'alice', channelId, content: 'fine' });

      assert.equal(outbox.entries.size, 0);
    });
  });
});
