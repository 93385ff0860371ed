/**
 * Provisions and migrates every tenant database, then exits (non-zero if one failed):
 *   npm run migrate
 * with the environment the API and workers run with (MONGO_URL, MONGO_DB_PREFIX, REDIS_URL,
 * REDIS_KEY_PREFIX …). In the Docker image: node dist/main/migrate.js.
 */
import { runMigrate } from '../src/main/migrate';

runMigrate();
