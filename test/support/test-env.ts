import { randomBytes } from 'node:crypto';
import { loadConfig, type Config } from '../../src/main/config';

/** One database prefix per test run, so runs never see each other's data; dropped at the end. */
export const RUN_DB_PREFIX = `t${randomBytes(4).toString('hex')}_`;

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';
export const TEST_JWT_SECRET = 'test-jwt-secret-0123456789-0123456789-abcdef';
/** TENANT_KEYS_SECRET of the nodes that issue per-tenant HS256 keys (`startTestApi(TENANT_KEYS)`). */
export const TEST_TENANT_KEYS_SECRET = 'test-tenant-keys-secret-0123456789-abcdef';
export const TENANT_KEYS = { TENANT_KEYS_SECRET: TEST_TENANT_KEYS_SECRET };

export const MONGO_URL = process.env.TEST_MONGO_URL ?? 'mongodb://127.0.0.1:27017';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** The Redis Cluster of test/cluster (npm test exports it; scripts/services.sh's default ports otherwise). */
export const CLUSTER_NODES: readonly string[] = (
  process.env.TEST_REDIS_CLUSTER_NODES ?? [0, 1, 2, 3, 4, 5].map((i) => `127.0.0.1:${7100 + i}`).join(',')
)
  .split(',')
  .map((node) => node.trim())
  .filter(Boolean);

/** The environment a test process runs with (real FerretDB and Redis), with overrides. */
export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    MONGO_URL,
    REDIS_URL,
    MONGO_DB_PREFIX: RUN_DB_PREFIX,
    REDIS_KEY_PREFIX: `chat-${RUN_DB_PREFIX}`,
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DEPENDENCY_TIMEOUT_MS: '1500',
    SHUTDOWN_TIMEOUT_MS: '2000',
    ...overrides,
  };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig(testEnv(overrides));
}

let counter = 0;
/** A tenant slug no other test uses. */
export function uniqueSlug(label = 'tenant'): string {
  counter += 1;
  return `${label}-${randomBytes(3).toString('hex')}-${counter}`;
}
