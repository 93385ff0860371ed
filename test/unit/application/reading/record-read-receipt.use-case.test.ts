import assert from 'node:assert/strict';
import { InMemoryChat } from '../../../support/in-memory/in-memory-chat';
import { useCasesOver } from '../../../support/in-memory/in-memory-use-cases';

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
    const { recordReadReceipt } = useCasesOver(chat);

    await recordReadReceipt.execute(job);
    await recordReadReceipt.execute(job);

    assert.equal(chat.receipts.count(), 1);
    assert.deepEqual(await chat.receipts.readersOf('c', 2), [
      { user_id: 'bob', read_at: new Date(job.read_at) },
    ]);
  });

  it('ignores an empty range', async () => {
    const chat = new InMemoryChat();

    await useCasesOver(chat).recordReadReceipt.execute({ ...job, from_seq: 3 });

    assert.equal(chat.receipts.count(), 0);
  });
});
