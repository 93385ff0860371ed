import assert from 'node:assert/strict';
import { searchTerms } from '../../../src/domain/message/search-terms';
import type { MongoDatabases } from '../../../src/adapters/persistence/mongo/mongo-databases';
import { tenantModels, type TenantModels } from '../../../src/adapters/persistence/mongo/tenant-models';
import { TOKENS } from '../../../src/main/tokens';
import { ChatClient } from '../../support/chat-client';
import { startTestApi, type TestApi } from '../../support/test-api';
import { uniqueSlug } from '../../support/test-env';

type Users = Record<'alice' | 'bob' | 'carol', ChatClient>;

function modelsOf(api: TestApi, slug: string): TenantModels {
  const mongo = api.node.container.get<MongoDatabases>(TOKENS.Mongo);
  return tenantModels(mongo.tenant(mongo.databaseNameFor(slug)));
}

/** Channels of every kind, with messages, reads, a mute, an edited and a deleted last message. */
async function writeTenant(users: Users) {
  const { alice, bob, carol } = users;
  const group = await alice.group(['bob', 'carol']);
  await alice.send(group.id, 'one');
  await bob.send(group.id, 'two');
  await alice.send(group.id, 'three');
  await carol.post(`channels/${group.id}/mark_read/`);
  await bob.post(`channels/${group.id}/mute/`);
  const direct = await alice.direct('bob');
  const edited = await bob.send(direct.id, 'to be edited');
  await bob.patch(`channels/${direct.id}/messages/${edited.id}/`, { content: 'edited' });
  const contextual = (
    await alice.post('channels/', {
      channel_type: 'contextual_object',
      participant_ids: ['bob'],
      host_application_id: 'crm',
      context_object_type: 'order',
      context_object_id: 'o-1',
    })
  ).body as { id: string };
  await alice.send(contextual.id, 'kept');
  const deleted = await bob.send(contextual.id, 'to be deleted');
  await bob.delete(`channels/${contextual.id}/messages/${deleted.id}/`);
  const empty = await carol.group(['alice'], 'Quiet');
  return { group, direct, contextual, empty, changedLast: [direct.id, contextual.id] };
}

/** Everything the inbox endpoints answer, for each user. */
async function views(users: Users, channelIds: string[]) {
  const all: Record<string, unknown> = {};
  for (const [name, user] of Object.entries(users)) {
    all[`${name} channels`] = (await user.get('channels/?limit=2')).body;
    all[`${name} centralized`] = (await user.get('centralized/?include_muted=true')).body;
    for (const id of channelIds) {
      const [one, anchored] = [
        await user.get(`channels/${id}/`),
        await user.post(`channels/${id}/centralized/`, { limit: 2 }),
      ];
      all[`${name} ${id}`] = [one.status, one.body, anchored.status, anchored.body];
    }
  }
  return all;
}

/**
 * What the previous layout stored: channels without member_ids, last_activity_at and last_message,
 * the last message's copy in channel_sequences (cleared by that layout's edits and deletions), and
 * no migration records.
 */
async function toPreviousLayout(models: TenantModels, changedLast: string[]): Promise<void> {
  await models.channels.updateMany(
    {},
    { $unset: { member_ids: '', last_activity_at: '', last_message: '' } },
  );
  for (const id of changedLast)
    await models.channelSequences.updateOne({ _id: id }, { $set: { last_message: null } });
  await models.migrations.deleteMany({});
}

describe('A tenant written by the previous layout', () => {
  let writer: TestApi;
  before(async () => {
    writer = await startTestApi();
  });
  after(() => writer.stop());

  async function scene() {
    const slug = await writer.createTenant(uniqueSlug('migrate'));
    const users = {
      alice: await ChatClient.as(writer, slug, 'alice'),
      bob: await ChatClient.as(writer, slug, 'bob'),
      carol: await ChatClient.as(writer, slug, 'carol'),
    };
    const written = await writeTenant(users);
    const ids = [written.group.id, written.direct.id, written.contextual.id, written.empty.id];
    const expected = await views(users, ids);
    await toPreviousLayout(modelsOf(writer, slug), written.changedLast);
    return { slug, ids, expected };
  }

  /** A process that opens the tenant for the first time (the writer has it cached). */
  async function readWithNewProcess(slug: string, ids: string[]) {
    const reader = await startTestApi();
    try {
      const users = {
        alice: await ChatClient.as(reader, slug, 'alice'),
        bob: await ChatClient.as(reader, slug, 'bob'),
        carol: await ChatClient.as(reader, slug, 'carol'),
      };
      return await views(users, ids);
    } finally {
      await reader.stop();
    }
  }

  it('reads back identically once a process has opened it, and is recorded as migrated', async () => {
    const { slug, ids, expected } = await scene();

    const actual = await readWithNewProcess(slug, ids);

    assert.deepEqual(actual, expected);
    const records = await modelsOf(writer, slug).migrations.find().lean();
    assert.deepEqual(
      records.map((r) => r._id),
      ['0001-channel-inbox-fields', '0002-search-index', '0003-search-bucket-markers'],
    );
  });

  it('reads back identically when a run was interrupted halfway, and when run again', async () => {
    const { slug, ids, expected } = await scene();
    const models = modelsOf(writer, slug);
    // An interrupted run: some channels rewritten, the step not recorded.
    await models.channels.updateOne({ _id: ids[0] }, { $set: { member_ids: ['alice', 'bob', 'carol'] } });

    const resumed = await readWithNewProcess(slug, ids);
    await models.migrations.deleteMany({});
    const again = await readWithNewProcess(slug, ids);

    assert.deepEqual(resumed, expected);
    assert.deepEqual(again, expected);
  });
  it('indexes the words of the messages stored before search, which a new process then finds', async () => {
    const { slug } = await scene();
    const models = modelsOf(writer, slug);
    // The earlier layout: no search index, no record of the step.
    await models.searchTerms.deleteMany({});
    await models.migrations.deleteMany({ _id: { $in: ['0002-search-index', '0003-search-bucket-markers'] } });
    const live = (await models.messages.find({ deleted_at: null }).lean()).filter(
      (m) => searchTerms(m.content).length > 0,
    ).length;

    const reader = await startTestApi();
    let found: Array<{ content: string }>;
    try {
      const alice = await ChatClient.as(reader, slug, 'alice');
      assert.equal((await alice.get('channels/')).status, 200);
      found = (await alice.get('search/?q=three')).body.results;
    } finally {
      await reader.stop();
    }

    assert.deepEqual(
      found.map((m) => m.content),
      ['three'],
    );
    const indexed = await models.searchTerms.distinct('m');
    assert.equal(indexed.length, live);
    assert.ok(await models.migrations.findById('0002-search-index'));
  });
});
