import { Cluster, Redis } from 'ioredis';
import mongoose from 'mongoose';
import { parseClusterNode } from '../../src/adapters/redis/redis-connections';
import { removeKeys } from '../../src/adapters/redis/tenant-redis-keys';
import { CLUSTER_NODES, MONGO_URL, REDIS_URL, RUN_DB_PREFIX, testEnv } from './test-env';

/**
 * Root hooks: after the whole run, drop every database and Redis key this run created (they all
 * carry the run's prefix), on the one Redis and on the test Redis Cluster, so repeated runs leave
 * FerretDB and Redis as they found them.
 */
export const mochaHooks = {
  async afterAll(this: Mocha.Context) {
    // A full run leaves hundreds of tenant databases; FerretDB drops them one by one.
    this.timeout(300_000);
    await Promise.all([dropRunDatabases(), deleteRunKeys(), deleteRunClusterKeys()]);
  },
};

async function dropRunDatabases(): Promise<void> {
  const connection = await mongoose
    .createConnection(MONGO_URL, { serverSelectionTimeoutMS: 3_000 })
    .asPromise()
    .catch(() => null);
  if (!connection?.db) return;
  const { databases } = await connection.db.admin().listDatabases({ nameOnly: true });
  for (const { name } of databases) {
    if (name.startsWith(RUN_DB_PREFIX)) await connection.useDb(name).dropDatabase();
  }
  await connection.close();
}

async function deleteRunKeys(): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const stream = redis.scanStream({ match: `${testEnv().REDIS_KEY_PREFIX}*`, count: 1000 });
    for await (const keys of stream as AsyncIterable<string[]>) {
      if (keys.length) await redis.unlink(...keys);
    }
  } catch {
    // Redis unreachable at the end of a run: nothing to clean that a later run would see.
  } finally {
    redis.disconnect();
  }
}

/** The same on the Redis Cluster of the cluster tests (TEST_REDIS_CLUSTER_NODES), when it is up. */
async function deleteRunClusterKeys(): Promise<void> {
  const cluster = new Cluster(CLUSTER_NODES.map(parseClusterNode), {
    lazyConnect: true,
    enableOfflineQueue: false,
    clusterRetryStrategy: () => null,
    redisOptions: { connectTimeout: 1_000, maxRetriesPerRequest: 1 },
  });
  // Unreachable (no cluster on this machine): its errors are expected, not worth a crash.
  cluster.on('error', () => undefined);
  try {
    await cluster.connect();
    await removeKeys(cluster, `${testEnv().REDIS_KEY_PREFIX}*`);
  } catch {
    // No cluster, or it went away: nothing of this run a later run would see there.
  } finally {
    cluster.disconnect();
  }
}
