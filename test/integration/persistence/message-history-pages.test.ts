import assert from 'node:assert/strict';
import type { MessagePage, MessagePageQuery } from '../../../src/application/ports/message-repository.port';
import type { Message } from '../../../src/domain/message/message.entity';
import { aGroup } from '../../support/builders/channel.builder';
import { appendMany, draft, PersistenceFixture, type TestTenant } from './persistence-fixture';

describe('MongoMessageRepository.page', () => {
  let fixture: PersistenceFixture;
  let tenant: TestTenant;
  const channelId = aGroup().id;
  let sent: Message[];
  before(async () => {
    fixture = await PersistenceFixture.start();
    tenant = await fixture.tenant('pages');
    sent = await appendMany(tenant.repos, channelId, 263);
  });
  after(() => fixture.stop());

  const page = (query: MessagePageQuery, channel = channelId) => tenant.repos.messages.page(channel, query);
  const seqs = (p: MessagePage) => p.messages.map((m) => m.seq);
  const flags = (p: MessagePage) => [p.has_more_before, p.has_more_after];
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  it('returns the latest page, ascending, with older messages before it', async () => {
    const latest = await page({ limit: 50 });

    assert.deepEqual(seqs(latest), range(214, 263));
    assert.deepEqual(
      latest.messages.map((m) => m.id),
      sent.slice(213).map((m) => m.id),
    );
    assert.deepEqual(flags(latest), [true, false]);
  });

  it('walks the whole history backwards with `before`, without duplicates or gaps', async () => {
    const seen: number[] = [];
    let current = await page({ limit: 37 });
    seen.unshift(...seqs(current));

    while (current.has_more_before) {
      current = await page({ limit: 37, beforeSeq: current.messages[0].seq });
      seen.unshift(...seqs(current));
    }

    assert.deepEqual(seen, range(1, 263));
  });

  it('walks the whole history forwards with `after`, without duplicates or gaps', async () => {
    const seen: number[] = [];
    let current = await page({ limit: 100, afterSeq: 0 });
    seen.push(...seqs(current));

    while (current.has_more_after) {
      current = await page({ limit: 100, afterSeq: current.messages.at(-1)!.seq });
      seen.push(...seqs(current));
    }

    assert.deepEqual(seen, range(1, 263));
    assert.deepEqual(
      current.messages.map((m) => m.id),
      sent.slice(200).map((m) => m.id),
    );
  });

  it('returns the first messages after `after` when both bounds are given', async () => {
    const between = await page({ limit: 5, afterSeq: 98, beforeSeq: 150 });

    assert.deepEqual(seqs(between), range(99, 103));
    assert.deepEqual(flags(between), [true, true]);
  });

  it('crosses a block boundary inside one page', async () => {
    const across = await page({ limit: 10, beforeSeq: 205 });

    assert.deepEqual(seqs(across), range(195, 204));
  });

  it('answers an empty page at either end with the flags pointing back to the history', async () => {
    const beforeFirst = await page({ limit: 10, beforeSeq: 1 });
    const afterLast = await page({ limit: 10, afterSeq: 263 });

    assert.deepEqual([seqs(beforeFirst), flags(beforeFirst)], [[], [false, true]]);
    assert.deepEqual([seqs(afterLast), flags(afterLast)], [[], [true, false]]);
  });

  it('answers an empty page for a channel without messages', async () => {
    const empty = await page({ limit: 50 }, aGroup().id);

    assert.deepEqual([seqs(empty), flags(empty)], [[], [false, false]]);
  });

  it('includes tombstones, which keep their place', async () => {
    const target = sent[259];
    target.delete(new Date());
    await tenant.repos.messages.update(target);

    const latest = await page({ limit: 5 });

    assert.deepEqual(
      latest.messages.map((m) => m.isDeleted),
      [false, true, false, false, false],
    );
  });

  describe('of a thread', () => {
    const threadChannel = aGroup().id;
    let root: Message;
    let replies: Message[];
    before(async () => {
      root = (await tenant.repos.messages.append(draft(threadChannel))).message;
      replies = [];
      for (let i = 0; i < 30; i += 1) {
        await tenant.repos.messages.append(draft(threadChannel, 'bob', { content: `noise ${i}` }));
        const reply = draft(threadChannel, 'carol', { parent_id: root.id, content: `reply ${i}` });
        replies.push((await tenant.repos.messages.append(reply)).message);
      }
    });

    it('returns only the thread’s replies, latest page first', async () => {
      const latest = await page({ limit: 10, parentId: root.id }, threadChannel);

      assert.deepEqual(
        latest.messages.map((m) => m.id),
        replies.slice(20).map((m) => m.id),
      );
      assert.deepEqual(flags(latest), [true, false]);
    });

    it('walks the thread backwards and forwards without duplicates or gaps', async () => {
      const backwards: number[] = [];
      let current = await page({ limit: 7, parentId: root.id }, threadChannel);
      backwards.unshift(...current.messages.map((m) => m.id));
      while (current.has_more_before) {
        current = await page(
          { limit: 7, parentId: root.id, beforeSeq: current.messages[0].seq },
          threadChannel,
        );
        backwards.unshift(...current.messages.map((m) => m.id));
      }
      const forwards: number[] = [];
      current = await page({ limit: 7, parentId: root.id, afterSeq: root.seq }, threadChannel);
      forwards.push(...current.messages.map((m) => m.id));
      while (current.has_more_after) {
        current = await page(
          { limit: 7, parentId: root.id, afterSeq: current.messages.at(-1)!.seq },
          threadChannel,
        );
        forwards.push(...current.messages.map((m) => m.id));
      }

      const expected = replies.map((m) => m.id);
      assert.deepEqual(backwards, expected);
      assert.deepEqual(forwards, expected);
    });

    it('answers an empty page for a message without replies', async () => {
      const none = await page({ limit: 10, parentId: replies[0].id }, threadChannel);

      assert.deepEqual([seqs(none), flags(none)], [[], [false, false]]);
    });
  });
});
