import assert from 'node:assert/strict';
import { ReadPointer } from '../../../src/domain/read/read-pointer';
import { userProfile } from '../../../src/domain/user/user-profile';
import { aDirect, aGroup } from '../../support/builders/channel.builder';
import { aState, draft, PersistenceFixture, T0, type TestTenant } from './persistence-fixture';

/** Two tenants given the very same ids: nothing of one may show in the other. */
describe('Tenant isolation in persistence', () => {
  const channelId = '20000000-0000-4000-8000-000000000001';
  let fixture: PersistenceFixture;
  let acme: TestTenant;
  let globex: TestTenant;
  before(async () => {
    fixture = await PersistenceFixture.start();
    [acme, globex] = [await fixture.tenant('acme'), await fixture.tenant('globex')];
  });
  after(() => fixture.stop());

  it('keeps channels with the same id, and the same direct pair, apart', async () => {
    const results = [
      await acme.repos.channels.createIfAbsent(aGroup(['bob'], { id: channelId })),
      await globex.repos.channels.createIfAbsent(aGroup(['carol'], { id: channelId, creator: 'dave' })),
      await acme.repos.channels.createIfAbsent(aDirect('ann', 'ben')),
      await globex.repos.channels.createIfAbsent(aDirect('ann', 'ben')),
    ];

    assert.deepEqual(
      results.map((r) => r.created),
      [true, true, true, true],
    );
    assert.deepEqual(
      (await acme.repos.channels.findById(channelId))!.participants.map((p) => p.userId),
      ['alice', 'bob'],
    );
    assert.deepEqual(
      (await globex.repos.channels.findById(channelId))!.participants.map((p) => p.userId),
      ['dave', 'carol'],
    );
  });

  it('numbers each tenant’s messages on its own, and never shows one tenant’s message in the other', async () => {
    const inAcme = await acme.repos.messages.append(
      draft(channelId, 'alice', { content: 'acme', client_message_id: 'k' }),
    );
    const inGlobex = await globex.repos.messages.append(
      draft(channelId, 'alice', { content: 'globex', client_message_id: 'k' }),
    );

    assert.deepEqual([inAcme.created, inGlobex.created], [true, true]);
    assert.deepEqual([inAcme.message.id, inAcme.message.seq], [inGlobex.message.id, inGlobex.message.seq]);
    assert.equal((await acme.repos.messages.findById(inAcme.message.id))!.toPrimitives().content, 'acme');
    assert.equal((await globex.repos.messages.findById(inAcme.message.id))!.toPrimitives().content, 'globex');
    assert.deepEqual(
      (await globex.repos.messages.page(channelId, { limit: 10 })).messages.map(
        (m) => m.toPrimitives().content,
      ),
      ['globex'],
    );
  });

  it('keeps read state, receipts and profiles of the same user apart', async () => {
    await acme.repos.readStates.create(aState({ user_id: 'alice', channel_id: channelId }));
    await globex.repos.readStates.create(aState({ user_id: 'alice', channel_id: channelId }));
    await acme.repos.users.upsert(userProfile('alice', 'Alice of Acme', 'internal', T0));
    const range = {
      user_id: 'alice',
      channel_id: channelId,
      from_seq: 0,
      to_seq: 1,
      to_message_id: 1,
      read_at: T0,
    };

    await acme.repos.readStates.advancePointer('alice', channelId, ReadPointer.at(1, 1));
    await acme.repos.readReceipts.record(range);

    assert.equal((await globex.repos.readStates.find('alice', channelId))!.last_read_seq, 0);
    assert.deepEqual(await globex.repos.readReceipts.readersOf(channelId, 1), []);
    assert.equal(await globex.repos.users.get('alice'), null);
  });

  it('never makes a tenant wait for a lock another tenant holds on the same channel id', async () => {
    let release!: () => void;
    let acquired!: () => void;
    const holding = new Promise<void>((resolve) => (acquired = resolve));
    const held = acme.locks.run('sequence', channelId, () => {
      acquired();
      return new Promise<void>((resolve) => (release = resolve));
    });
    await holding;

    const appended = await globex.repos.messages.append(draft(channelId));
    release();
    await held;

    assert.equal(appended.created, true);
  });
});
