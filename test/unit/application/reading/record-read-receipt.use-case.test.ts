import assert from 'node:assert/strict';
import { ReceiptAheadOfPointerError } from '../../../../src/application/reading/receipt-ahead-of-pointer.error';
import { ReadPointer } from '../../../../src/domain/read/read-pointer';
import { ChatScenario } from '../../../support/builders/chat-scenario';
import { InMemoryChat } from '../../../support/in-memory/in-memory-chat';
import { buildUseCases } from '../../../../src/main/tenant-use-cases';

describe('RecordReadReceipt', () => {
  const job = {
    channel_id: 'c',
    user_id: 'bob',
    from_seq: 0,
    to_seq: 3,
    to_message_id: 30,
    read_at: '2025-01-01T00:00:00.000Z',
  };

  it('stores the range once, however often the job runs', async () => {
    const chat = new InMemoryChat();
    const { recordReadReceipt } = buildUseCases(chat);

    await recordReadReceipt.execute(job);
    await recordReadReceipt.execute(job);

    assert.equal(chat.receipts.count(), 1);
    assert.deepEqual(await chat.receipts.readersOf('c', 2), [
      { user_id: 'bob', read_at: new Date(job.read_at) },
    ]);
  });

  it('ignores an empty range', async () => {
    const chat = new InMemoryChat();

    await buildUseCases(chat).recordReadReceipt.execute({ ...job, from_seq: 3 });

    assert.equal(chat.receipts.count(), 0);
  });

  describe("while the user's pointer is behind the range", () => {
    it('refuses to record it, to be retried, and records it once the pointer is there', async () => {
      const s = new ChatScenario();
      const channelId = (await s.group('alice', ['bob'])).id;
      const sent = await s.sendMany('alice', channelId, 2);
      const ahead = { ...job, channel_id: channelId, from_seq: 0, to_seq: 2, to_message_id: sent[1].id };

      const early = s.useCases.recordReadReceipt.execute(ahead);
      await assert.rejects(early, ReceiptAheadOfPointerError);
      const nothing = s.chat.receipts.count();
      await s.chat.readStates.advancePointer('bob', channelId, ReadPointer.at(sent[1].id, 2));
      await s.useCases.recordReadReceipt.execute(ahead);

      assert.equal(nothing, 0);
      assert.equal(s.chat.receipts.count(), 1);
    });
  });
});
