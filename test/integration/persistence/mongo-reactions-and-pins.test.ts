import assert from 'node:assert/strict';
import type { TenantRepositories } from '../../../src/adapters/persistence/mongo/tenant-repositories';
import type { Message } from '../../../src/domain/message/message.entity';
import type { ReactionEmoji } from '../../../src/domain/reaction/reaction-emoji';
import { aGroup } from '../../support/builders/channel.builder';
import { appendMany, PersistenceFixture, T0, type TestTenant } from './persistence-fixture';

/*
 * Reactions and pins on FerretDB v1, from two processes at once (each with its own mutex and Redis
 * client): uniqueness and the pin bound come from unique indexes, what a message shows is rebuilt
 * from the rows and written under locks, so it ends as the rows say.
 */
describe('MongoReactionRepository and MongoPinRepository', () => {
  let fixture: PersistenceFixture;
  let tenant: TestTenant;
  let processes: TenantRepositories[];
  before(async () => {
    fixture = await PersistenceFixture.start();
    tenant = await fixture.tenant('reactions');
    processes = [tenant.repos, tenant.otherProcess()];
  });
  after(() => fixture.stop());

  const reaction = (user_id: string, emoji: ReactionEmoji = '+1') => ({ user_id, emoji, created_at: T0 });
  const reread = async (message: Message) => (await tenant.repos.messages.findById(message.id))!;
  const lastOf = async (channelId: string) =>
    (await tenant.repos.channels.findListing(channelId))!.lastMessage!;

  it('stores one reaction for 16 parallel adds of the same one, and says so to one of them', async () => {
    const [message] = await appendMany(tenant.repos, aGroup().id, 1);

    const changes = await Promise.all(
      Array.from({ length: 16 }, (_, i) => processes[i % 2].reactions.add(message, reaction('bob'))),
    );

    assert.equal(changes.filter((c) => c.changed).length, 1);
    assert.equal(await tenant.models.reactions.countDocuments({ message_id: message.id }), 1);
    assert.deepEqual((await reread(message)).reactions.counts(), { '+1': 1 });
  });

  it('ends with what the rows say after 20 users react at once from two processes, on the message and the inbox copy', async () => {
    const channelId = aGroup().id;
    const [message] = await appendMany(tenant.repos, channelId, 1);
    const users = Array.from({ length: 20 }, (_, i) => `user-${i}`);

    await Promise.all(
      users.map((u, i) => processes[i % 2].reactions.add(message, reaction(u, i % 2 ? 'heart' : '+1'))),
    );

    assert.deepEqual((await reread(message)).reactions.counts(), { '+1': 10, heart: 10 });
    assert.deepEqual((await lastOf(channelId)).reactions.counts(), { '+1': 10, heart: 10 });
  });

  it('rebuilds what a message shows from its rows when a write was left undone', async () => {
    const [message] = await appendMany(tenant.repos, aGroup().id, 1);
    // A row whose summary write never happened (the process died in between).
    await tenant.models.reactions.create({
      _id: JSON.stringify([message.id, 'carol', 'tada']),
      channel_id: message.channelId,
      message_id: message.id,
      user_id: 'carol',
      emoji: 'tada',
      created_at: T0,
    });

    await tenant.repos.reactions.add(message, reaction('bob'));

    assert.deepEqual((await reread(message)).reactions.counts(), { tada: 1, '+1': 1 });
  });

  it('keeps the inbox copy’s reactions when an edit read the message before they were added', async () => {
    const channelId = aGroup().id;
    const [older, last] = await appendMany(tenant.repos, channelId, 2);
    const readByTheEdit = await reread(last);
    await tenant.repos.reactions.add(last, reaction('bob', 'eyes'));
    await tenant.repos.reactions.add(older, reaction('bob', 'fire'));

    readByTheEdit.edit('edited', T0);
    await tenant.repos.messages.update(readByTheEdit);

    const copy = await lastOf(channelId);
    assert.equal(copy.toPrimitives().content, 'edited');
    assert.deepEqual(copy.reactions.counts(), { eyes: 1 });
    assert.deepEqual((await reread(last)).reactions.counts(), { eyes: 1 });
  });

  it('refuses a reaction to a message deleted after it was read, and keeps no row of it', async () => {
    const [message] = await appendMany(tenant.repos, aGroup().id, 1);
    const tombstone = await reread(message);
    tombstone.delete(T0);
    await tenant.repos.messages.update(tombstone);

    await assert.rejects(tenant.repos.reactions.add(message, reaction('bob')), { code: 'conflict' });
    assert.equal(await tenant.models.reactions.countDocuments({ message_id: message.id }), 0);
  });

  it('never holds more than the bound of pins when two processes pin different messages at once', async () => {
    const channelId = aGroup().id;
    const messages = await appendMany(tenant.repos, channelId, 12);

    const outcomes = await Promise.allSettled(
      messages.map((m, i) => processes[i % 2].pins.pin(m, { pinned_by: 'alice', pinned_at: T0 }, 5)),
    );

    assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 5);
    assert.deepEqual(
      outcomes.flatMap((o) => (o.status === 'rejected' ? [(o.reason as { code: string }).code] : [])),
      Array(7).fill('conflict'),
    );
    assert.equal((await tenant.repos.pins.listByChannel(channelId)).length, 5);
  });

  it('pins a message once however many processes pin it at once, keeping the first pin', async () => {
    const [message] = await appendMany(tenant.repos, aGroup().id, 1);

    const changes = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        processes[i % 2].pins.pin(
          message,
          { pinned_by: `admin-${i}`, pinned_at: new Date(T0.getTime() + i) },
          50,
        ),
      ),
    );

    const first = changes.find((c) => c.changed)!;
    assert.equal(changes.filter((c) => c.changed).length, 1);
    assert.ok(changes.every((c) => c.pin?.pinned_by === first.pin?.pinned_by));
    assert.equal((await reread(message)).pin?.pinned_by, first.pin?.pinned_by);
  });
});
