import type { Message } from '../../../src/domain/message/message.entity';
import assert from 'node:assert/strict';
import type { TenantRepositories } from '../../../src/adapters/persistence/mongo/tenant-repositories';
import { Participant } from '../../../src/domain/participant/participant';
import { ReadPointer } from '../../../src/domain/read/read-pointer';
import { aContextual, aDirect, aGroup } from '../../support/builders/channel.builder';
import { aMessage } from '../../support/builders/message.builder';
import { aState, draft, PersistenceFixture, T0, type TestTenant } from './persistence-fixture';

/** The messages' seqs are `count` consecutive ones from `first`, and ids increase with seq. */
function assertGaplessInIdOrder(messages: Message[], first: number, count: number): void {
  const bySeq = [...messages].sort((a, b) => a.seq - b.seq);
  assert.deepEqual(
    bySeq.map((m) => m.seq),
    Array.from({ length: count }, (_, i) => i + first),
  );
  assert.ok(
    bySeq.every((m, i) => i === 0 || m.id > bySeq[i - 1].id),
    'ids increase with seq',
  );
}

/*
 * Concurrency on FerretDB v1, where single-document read-modify-write is not atomic. Calls alternate
 * between two repository sets with their own mutex and Redis client, as two API processes would.
 */
describe('Persistence under concurrency', () => {
  let fixture: PersistenceFixture;
  let tenant: TestTenant;
  let processes: TenantRepositories[];
  before(async () => {
    fixture = await PersistenceFixture.start();
    tenant = await fixture.tenant('concurrency');
    processes = [tenant.repos, tenant.otherProcess()];
  });
  after(() => fixture.stop());

  /** `count` calls at once, alternating between the two processes. */
  const inParallel = <T>(count: number, call: (repos: TenantRepositories, i: number) => Promise<T>) =>
    Promise.all(Array.from({ length: count }, (_, i) => call(processes[i % 2], i)));
  const shuffled = <T>(items: T[]) => [...items].sort(() => Math.random() - 0.5);

  it('creates one message for 20 parallel sends with the same client_message_id', async () => {
    const channelId = aGroup().id;

    const results = await inParallel(20, (repos, i) =>
      repos.messages.append(draft(channelId, 'alice', { client_message_id: 'tap-tap', content: `try ${i}` })),
    );

    assert.equal(results.filter((r) => r.created).length, 1);
    assert.equal(new Set(results.map((r) => r.message.id)).size, 1);
    assert.equal((await tenant.repos.messages.page(channelId, { limit: 100 })).messages.length, 1);
  });

  it('creates one direct channel for 10 parallel creations of the same pair', async () => {
    const results = await inParallel(10, (repos, i) =>
      repos.channels.createIfAbsent(i % 2 ? aDirect('pat', 'quin') : aDirect('quin', 'pat')),
    );

    assert.equal(results.filter((r) => r.created).length, 1);
    assert.equal(new Set(results.map((r) => r.channel.id)).size, 1);
  });

  it('creates one contextual channel for 10 parallel creations of the same context', async () => {
    const context = {
      host_application_id: 'erp',
      context_object_type: 'invoice',
      context_object_id: 'INV-9',
    };

    const results = await inParallel(10, (repos) => repos.channels.createIfAbsent(aContextual(context)));

    assert.equal(results.filter((r) => r.created).length, 1);
    assert.equal(new Set(results.map((r) => r.channel.id)).size, 1);
  });

  it('gives 200 parallel sends distinct ids and seqs 1 to 200 in the same order', async () => {
    const channelId = aGroup().id;

    const results = await inParallel(200, (repos, i) =>
      repos.messages.append(draft(channelId, 'alice', { content: `m${i}` })),
    );

    assertGaplessInIdOrder(
      results.map((r) => r.message),
      1,
      200,
    );
  });

  it('stores 32 parallel sends of one process in a few turns of the channel, not one each', async () => {
    const channelId = aGroup().id;
    const messages = tenant.models.messages as unknown as { insertMany: (...args: unknown[]) => unknown };
    const insertMany = messages.insertMany;
    let inserts = 0;
    messages.insertMany = (...args) => {
      inserts += 1;
      return insertMany.apply(tenant.models.messages, args);
    };
    try {
      const results = await Promise.all(
        Array.from({ length: 32 }, (_, i) =>
          tenant.repos.messages.append(draft(channelId, 'alice', { content: `m${i}` })),
        ),
      );

      assertGaplessInIdOrder(
        results.map((r) => r.message),
        1,
        32,
      );
      assert.ok(inserts <= 4, `32 sends took ${inserts} inserts`);
    } finally {
      messages.insertMany = insertMany;
    }
  });

  it('answers repeats inside a turn with the first message and keeps the others gapless, also after Redis lost the seq', async () => {
    const channelId = aGroup().id;
    const earlier = await tenant.repos.messages.append(
      draft(channelId, 'alice', { client_message_id: 'first' }),
    );
    for (let i = 0; i < 4; i += 1) await tenant.repos.messages.append(draft(channelId, 'alice'));
    // The counter is gone, and no channel document records the last seq: numbering probes past the five.
    await fixture.redis.del(tenant.locks.seqKey(channelId));

    const results = await inParallel(24, (repos, i) =>
      repos.messages.append(
        draft(
          channelId,
          'alice',
          i % 6 === 0 ? { client_message_id: 'first' } : { client_message_id: `new-${i}` },
        ),
      ),
    );

    const repeats = results.filter((_, i) => i % 6 === 0);
    assert.ok(repeats.every((r) => !r.created && r.message.id === earlier.message.id));
    assertGaplessInIdOrder(
      results.filter((r) => r.created).map((r) => r.message),
      6,
      20,
    );
    const page = await tenant.repos.messages.page(channelId, { limit: 100 });
    assert.deepEqual(
      page.messages.map((m) => m.seq),
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
  });

  it('keeps the furthest read pointer under parallel advances, and loses no other update', async () => {
    const state = aState({ user_id: 'rita' });
    await tenant.repos.readStates.create(state);
    const seqs = shuffled(Array.from({ length: 30 }, (_, i) => i + 1));

    await Promise.all([
      inParallel(30, (repos, i) =>
        repos.readStates.advancePointer('rita', state.channel_id, ReadPointer.at(seqs[i] * 10, seqs[i])),
      ),
      processes[1].readStates.setMuted('rita', state.channel_id, true),
    ]);

    const final = (await tenant.repos.readStates.find('rita', state.channel_id))!;
    assert.deepEqual([final.last_read_seq, final.last_read_message_id, final.is_muted], [30, 300, true]);
  });

  it('keeps every participant added in parallel, and the latest message recorded meanwhile', async () => {
    const group = aGroup([]);
    await tenant.repos.channels.createIfAbsent(group);
    const seqs = shuffled(Array.from({ length: 15 }, (_, i) => i + 1));

    await Promise.all([
      inParallel(15, (repos, i) =>
        repos.channels.addParticipants(group.id, [Participant.create({ user_id: `p${i}` }, T0)]),
      ),
      inParallel(15, (repos, i) =>
        repos.channels.recordLastMessage(
          group.id,
          aMessage({ id: seqs[i] * 10, seq: seqs[i], channel_id: group.id, created_at: T0 }),
        ),
      ),
    ]);

    const found = (await tenant.repos.channels.findById(group.id))!;
    assert.equal(found.participants.length, 16);
    assert.deepEqual([found.lastMessageSeq, found.lastMessageId], [15, 150]);
  });
});
