import assert from 'node:assert/strict';
import { createLogger } from '../../../src/adapters/logging/logger';
import type { Migration } from '../../../src/adapters/persistence/mongo/migrations/migration';
import { TenantMigrator } from '../../../src/adapters/persistence/mongo/migrations/tenant-migrator';
import { RedisKeyedMutex } from '../../../src/adapters/redis/redis-keyed-mutex';
import { draft, PersistenceFixture } from './persistence-fixture';

describe('TenantMigrator', () => {
  let fixture: PersistenceFixture;
  before(async () => {
    fixture = await PersistenceFixture.start();
  });
  after(() => fixture.stop());

  /** Steps that note each run; the one named in `failing` throws while it is listed there. */
  function steps(ids: string[], runs: string[], failing: Set<string>): Migration[] {
    return ids.map((id) => ({
      id,
      description: `step ${id}`,
      async run() {
        runs.push(id);
        if (failing.has(id)) throw new Error(`${id} failed`);
      },
    }));
  }

  const migrator = (list: Migration[]) =>
    new TenantMigrator(
      {
        mutex: new RedisKeyedMutex(fixture.redis),
        keyPrefix: fixture.keyPrefix,
        log: createLogger('silent'),
      },
      list,
    );

  it('runs the steps in order, once per tenant database, and records each', async () => {
    const tenant = await fixture.tenant('migrator');
    const runs: string[] = [];
    const list = steps(['a', 'b'], runs, new Set());

    const first = await migrator(list).migrate(tenant.db);
    const second = await migrator(list).migrate(tenant.db);

    assert.deepEqual([first, second, runs], [['a', 'b'], [], ['a', 'b']]);
    const records = await tenant.models.migrations.find().lean();
    assert.deepEqual(records.map((r) => r._id).sort(), ['a', 'b']);
  });

  it('holds the same channel locks as the repositories: a send waits for a step writing its channel', async () => {
    const tenant = await fixture.tenant('migrator');
    const channelId = 'c-migrated';
    const events: string[] = [];
    let stepHoldsLock!: () => void;
    const locked = new Promise<void>((resolve) => (stepHoldsLock = resolve));
    const step: Migration = {
      id: 'holds-channel',
      description: 'rewrites a channel under its lock',
      async run({ locks }) {
        await locks.run('channel', channelId, async () => {
          stepHoldsLock();
          await new Promise((resolve) => setTimeout(resolve, 300));
          events.push('step done');
        });
      },
    };

    const migration = migrator([step]).migrate(tenant.db);
    await locked;
    await tenant.repos.messages.append(draft(channelId));
    events.push('send stored');
    await migration;

    assert.deepEqual(events, ['step done', 'send stored']);
  });

  it('stops at a failing step and resumes from it, without running the finished ones again', async () => {
    const tenant = await fixture.tenant('migrator');
    const runs: string[] = [];
    const failing = new Set(['b']);
    const list = steps(['a', 'b', 'c'], runs, failing);

    await assert.rejects(migrator(list).migrate(tenant.db), /b failed/);
    failing.clear();
    const resumed = await migrator(list).migrate(tenant.db);

    assert.deepEqual(resumed, ['b', 'c']);
    assert.deepEqual(runs, ['a', 'b', 'b', 'c']);
  });

  it('runs a step added later on a database that ran the earlier ones', async () => {
    const tenant = await fixture.tenant('migrator');
    const runs: string[] = [];
    await migrator(steps(['a'], runs, new Set())).migrate(tenant.db);

    const later = await migrator(steps(['a', 'b'], runs, new Set())).migrate(tenant.db);

    assert.deepEqual([later, runs], [['b'], ['a', 'b']]);
  });
});
