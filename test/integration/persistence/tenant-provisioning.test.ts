import assert from 'node:assert/strict';
import { createLogger } from '../../../src/adapters/logging/logger';
import { MongoDatabases } from '../../../src/adapters/persistence/mongo/mongo-databases';
import { MongoTenantProvisioner } from '../../../src/adapters/persistence/mongo/mongo-tenant-provisioner';
import { MONGO_URL, RUN_DB_PREFIX, testConfig, uniqueSlug } from '../../support/test-env';
import { NO_MIGRATIONS } from './persistence-fixture';

/** Every index the repositories' queries rely on, per collection (the `_id` index aside). */
const EXPECTED: Record<string, Array<{ key: Record<string, number>; unique?: boolean }>> = {
  channels: [
    { key: { direct_key: 1 }, unique: true },
    { key: { context_key: 1 }, unique: true },
    { key: { last_message_id: -1 } },
    { key: { member_ids: 1, last_activity_at: -1, _id: -1 } },
    {
      key: { member_ids: 1, host_application_id: 1, context_object_type: 1, context_object_id: 1 },
    },
    { key: { created_by: 1 } },
  ],
  messages: [
    { key: { channel_id: 1, seq: 1 }, unique: true },
    { key: { channel_id: 1, block: 1 } },
    { key: { channel_id: 1, parent_id: 1 } },
    { key: { idem_key: 1 }, unique: true },
    { key: { user_id: 1 } },
  ],
  channel_sequences: [{ key: { last_id: -1 } }],
  user_channel_states: [{ key: { user_id: 1, channel_id: 1 } }, { key: { channel_id: 1 } }],
  read_receipts: [{ key: { channel_id: 1, blocks: 1 } }, { key: { user_id: 1 } }],
  search_terms: [{ key: { t: 1, b: 1 } }, { key: { w: 1 } }, { key: { m: 1 } }, { key: { u: 1 } }],
  users: [],
  user_erasures: [],
};

describe('MongoTenantProvisioner with the tenant models', () => {
  let mongo: MongoDatabases;
  before(async () => {
    mongo = new MongoDatabases(
      { url: MONGO_URL, dbPrefix: RUN_DB_PREFIX, timeoutMs: 5_000, poolSize: testConfig().MONGO_POOL_SIZE },
      createLogger('silent'),
    );
    await mongo.connect();
  });
  after(() => mongo.close());

  const indexesOf = async (databaseName: string) => {
    const db = mongo.tenant(databaseName).db!;
    const found: Record<string, Array<{ key: Record<string, number>; unique?: boolean }>> = {};
    for (const name of Object.keys(EXPECTED)) {
      const indexes = await db.collection(name).listIndexes().toArray();
      found[name] = indexes
        .filter((index) => index.name !== '_id_')
        .map((index) => (index.unique ? { key: index.key, unique: true } : { key: index.key }))
        .sort(byKey);
    }
    return found;
  };

  it('creates every collection with the indexes its queries use, and changes nothing when run again', async () => {
    const slug = uniqueSlug('provision');
    const tenant = {
      slug,
      name: slug,
      database_name: mongo.databaseNameFor(slug),
      server: 'default',
      status: 'active' as const,
      created_at: new Date(),
    };
    const provisioner = new MongoTenantProvisioner(mongo, NO_MIGRATIONS);

    await provisioner.provision(tenant);
    const first = await indexesOf(tenant.database_name);
    await provisioner.provision(tenant);

    const expected = Object.fromEntries(
      Object.entries(EXPECTED).map(([name, list]) => [name, [...list].sort(byKey)]),
    );
    assert.deepEqual(first, expected);
    assert.deepEqual(await indexesOf(tenant.database_name), expected);
  });
});

function byKey(a: { key: object }, b: { key: object }): number {
  return JSON.stringify(a.key) < JSON.stringify(b.key) ? -1 : 1;
}
