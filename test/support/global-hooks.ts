import mongoose from 'mongoose';
import { MONGO_URL, RUN_DB_PREFIX } from './test-env';

/**
 * Root hooks: after the whole run, drop every database this run created (they all carry the run's
 * prefix), so repeated runs leave FerretDB as they found it.
 */
export const mochaHooks = {
  async afterAll(this: Mocha.Context) {
    this.timeout(60_000);
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
  },
};
