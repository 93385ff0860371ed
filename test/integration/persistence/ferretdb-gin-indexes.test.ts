import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import { MONGO_URL, RUN_DB_PREFIX } from '../../support/test-env';

interface Row {
  _id: string;
  channel_id: string;
  block: number;
  member_ids: string[];
}

// The shapes the app indexes: a compound key read by equality, and an array read by one element.
const rowSchema = new Schema<Row>(
  { _id: String, channel_id: String, block: Number, member_ids: [String] },
  { collection: 'rows', versionKey: false, autoIndex: false },
);
rowSchema.index({ channel_id: 1, block: 1 });
rowSchema.index({ member_ids: 1 });

const ROWS = 3_000;

function row(i: number): Row {
  return { _id: `r${i}`, channel_id: `c${i % 300}`, block: i % 7, member_ids: [`u${i % 250}`, 'everyone'] };
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

function flatten(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(flatten)];
}

/**
 * The PostgreSQL plan of the SQL FerretDB runs for `find(filter)`: FerretDB's `explain` builds the
 * same SELECT (internal/backends/postgresql/collection.go) and returns PostgreSQL's EXPLAIN of it.
 */
async function planOf(db: Connection, filter: Record<string, unknown>): Promise<PlanNode[]> {
  const result = await db.db!.command({ explain: { find: 'rows', filter } });
  const plan = (result.queryPlanner as { Plan?: PlanNode } | undefined)?.Plan;
  assert.ok(plan, `not a PostgreSQL plan (FerretDB with PostgreSQL storage?): ${JSON.stringify(result)}`);
  assert.equal(result.filterPushdown, true, 'FerretDB did not push the filter down');
  return flatten(plan);
}

/** The one index scan of a plan, on a GIN companion (`…_gin`, scripts/ferretdb-gin.sql). */
function ginScan(nodes: PlanNode[]): { index: string; cond: string } {
  const scans = nodes.filter((n) => n['Node Type'] === 'Bitmap Index Scan');
  assert.deepEqual(
    nodes.filter((n) => n['Node Type'] === 'Seq Scan'),
    [],
    'FerretDB scans the whole collection',
  );
  assert.equal(scans.length, 1, JSON.stringify(nodes));
  assert.match(scans[0]['Index Name'] ?? '', /_gin$/);
  return { index: scans[0]['Index Name']!, cond: scans[0]['Index Cond'] ?? '' };
}

async function freshDatabase(label: string): Promise<{ db: Connection; rows: Model<Row> }> {
  const db = await mongoose
    .createConnection(MONGO_URL, { dbName: `${RUN_DB_PREFIX}${label}_${randomBytes(3).toString('hex')}` })
    .asPromise();
  const rows = db.model<Row>('Row', rowSchema);
  await rows.createCollection();
  await rows.createIndexes();
  return { db, rows };
}

describe('FerretDB filters on PostgreSQL storage (scripts/ferretdb-gin.sql)', () => {
  let db: Connection;
  let rows: Model<Row>;

  before(async function () {
    this.timeout(60_000);
    ({ db, rows } = await freshDatabase('gin'));
    for (let from = 0; from < ROWS; from += 1_000) {
      await rows.insertMany(
        Array.from({ length: 1_000 }, (_, i) => row(from + i)),
        { lean: true },
      );
    }
  });

  after(() => db.close());

  it('serves an equality on the first key of a compound index with a GIN index', async () => {
    const scan = ginScan(await planOf(db, { channel_id: 'c7' }));

    assert.match(scan.cond, /'channel_id'::text\) @> '"c7"'::jsonb/);
    assert.equal(await rows.countDocuments({ channel_id: 'c7' }), ROWS / 300);
  });

  it('serves equalities on both keys of a compound index with one GIN scan', async () => {
    const scan = ginScan(await planOf(db, { channel_id: 'c7', block: 0 }));

    assert.match(scan.cond, /'channel_id'::text\) @> '"c7"'::jsonb\) AND .*'block'::text\) @> '0'::jsonb/);
  });

  it('serves an array field read by one of its elements', async () => {
    const scan = ginScan(await planOf(db, { member_ids: 'u3' }));

    assert.match(scan.cond, /'member_ids'::text\) @> '"u3"'::jsonb/);
    assert.equal(await rows.countDocuments({ member_ids: 'u3' }), ROWS / 250);
  });

  it('serves _id lookups, which FerretDB filters with @> too', async () => {
    const scan = ginScan(await planOf(db, { _id: 'r42' }));

    assert.match(scan.cond, /'_id'::text\) @> '"r42"'::jsonb/);
  });

  it('drops the GIN index with its index, and adds it again when the index comes back', async () => {
    await rows.collection.dropIndex('member_ids_1');
    const dropped = await planOf(db, { member_ids: 'u3' });
    await rows.collection.createIndex({ member_ids: 1 });
    const recreated = await planOf(db, { member_ids: 'u3' });

    assert.deepEqual(
      dropped.filter((n) => n['Node Type'].includes('Index')),
      [],
    );
    assert.match(ginScan(recreated).cond, /'member_ids'::text\) @> '"u3"'::jsonb/);
  });

  it('drops a collection and a database that have GIN indexes', async function () {
    // Dropping a database on FerretDB drops each of its PostgreSQL tables: slow on a loaded machine.
    this.timeout(120_000);
    const other = await freshDatabase('gin_drop');
    await other.rows.insertMany([row(1), row(2)]);

    await other.rows.collection.drop();
    await other.rows.createCollection();
    await other.rows.insertMany([row(3)]);
    await other.db.dropDatabase();
    const { databases } = await other.db.db!.admin().listDatabases({ nameOnly: true });
    await other.db.close();

    assert.ok(!databases.some((d) => d.name === other.db.name));
  });
});
