import assert from 'node:assert/strict';
import { ChatScenario } from '../../../support/builders/chat-scenario';

describe('ListChannels', () => {
  let s: ChatScenario;
  beforeEach(() => {
    s = new ChatScenario();
  });

  it('lists the caller’s channels, most recent activity first', async () => {
    const older = await s.group('alice', ['bob'], 'older');
    const newer = await s.group('alice', ['bob'], 'newer');
    await s.group('carol', [], 'not mine');
    await s.send('bob', older.id);
    await s.followUps();

    const { results } = await s.useCases.listChannels.execute({ userId: 'alice' });

    assert.deepEqual(
      results.map((c) => c.id),
      [older.id, newer.id],
    );
    assert.equal(results[0].unread_count, 1);
  });

  it('filters by type and context', async () => {
    await s.group('alice', ['bob']);
    const order42 = await s.contextual('alice', ['bob'], '42');
    await s.contextual('alice', ['bob'], '43');

    const { results } = await s.useCases.listChannels.execute({
      userId: 'alice',
      channel_type: 'contextual_object',
      context_object_type: 'order',
      context_object_id: '42',
    });

    assert.deepEqual(
      results.map((c) => c.id),
      [order42.id],
    );
  });

  it('pages with an opaque cursor until next_cursor is null', async () => {
    const created = [];
    for (let i = 0; i < 5; i += 1) created.push(await s.group('alice', [], `g${i}`));

    const first = await s.useCases.listChannels.execute({ userId: 'alice', limit: 3 });
    const second = await s.useCases.listChannels.execute({
      userId: 'alice',
      limit: 3,
      cursor: first.next_cursor ?? undefined,
    });

    const seen = [...first.results, ...second.results].map((c) => c.id);
    assert.deepEqual(seen, created.map((c) => c.id).reverse());
    assert.equal(second.next_cursor, null);
  });

  it('refuses a cursor it did not make', async () => {
    await assert.rejects(s.useCases.listChannels.execute({ userId: 'alice', cursor: 'garbage' }), {
      code: 'validation_error',
    });
  });
});
