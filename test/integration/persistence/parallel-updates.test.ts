import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { MongoDatabases } from '../../../src/adapters/persistence/mongo/mongo-databases';
import { TOKENS } from '../../../src/main/tokens';
import { RUN_DB_PREFIX } from '../../support/test-env';
import { WorkerHarness, workerTestEnv } from '../workers/support/worker-harness';

const UPDATES_PER_PROCESS = 200;
const DEADLINE_MS = 30_000;

type Outcome = 'updated' | 'failed';

interface Counter {
  _id: string;
  n: number;
}

/** Resolves with each update's outcome, or with the count still pending when the deadline passes. */
async function settleWithin(updates: Promise<Outcome>[], ms: number): Promise<Outcome[] | number> {
  let pending = updates.length;
  const all = Promise.all(updates.map((u) => u.finally(() => (pending -= 1))));
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<number>((resolve) => (timer = setTimeout(() => resolve(pending), ms)));
  try {
    return await Promise.race([all, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

// FerretDB v1 holds one PostgreSQL connection for an update's read while it waits for a second one
// for its write: with as many updates in flight as its pool_max_conns it hangs for good. Every process
// keeps at most MONGO_POOL_SIZE operations in flight, and scripts/services.sh sizes FerretDB's pool
// above the sum (README, FerretDB).
describe('Parallel updates of one document from an API node and a worker', () => {
  const processes: WorkerHarness[] = [];

  // Each is a container built as that process builds it (its own MongoDB client and pool); no HTTP
  // server or job worker runs, so the updates below are the only traffic.
  before(async () => {
    processes.push(await WorkerHarness.start(workerTestEnv(), { kind: 'api', producerOnly: true }));
    processes.push(await WorkerHarness.start(workerTestEnv(), { kind: 'worker', producerOnly: true }));
  });

  after(async () => {
    for (const harness of processes) await harness.stop();
  });

  it(`settles all ${2 * UPDATES_PER_PROCESS} updates within ${DEADLINE_MS / 1000} s`, async function () {
    this.timeout(DEADLINE_MS + 10_000);
    const database = `${RUN_DB_PREFIX}pool_${randomBytes(3).toString('hex')}`;
    const collections = processes.map((harness) =>
      harness.container
        .get<MongoDatabases>(TOKENS.Mongo)
        .connection.getClient()
        .db(database)
        .collection<Counter>('counters'),
    );
    await collections[0].insertOne({ _id: 'shared', n: 0 });

    const updates = collections.flatMap((counters) =>
      Array.from({ length: UPDATES_PER_PROCESS }, () =>
        counters.updateOne({ _id: 'shared' }, { $inc: { n: 1 } }).then(
          (result): Outcome => (result.matchedCount === 1 ? 'updated' : 'failed'),
          (): Outcome => 'failed',
        ),
      ),
    );
    const outcome = await settleWithin(updates, DEADLINE_MS);

    assert.notEqual(
      typeof outcome,
      'number',
      `${String(outcome)} updates still pending: FerretDB deadlocked`,
    );
    assert.deepEqual(
      outcome,
      updates.map(() => 'updated'),
    );
  });
});
