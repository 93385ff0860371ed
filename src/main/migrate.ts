import { Container } from 'inversify';
import type { Logger } from '../adapters/logging/logger';
import type { MongoDatabases } from '../adapters/persistence/mongo/mongo-databases';
import type { RedisConnections } from '../adapters/redis/redis-connections';
import type { TenantDirectory } from '../application/ports/tenant-directory.port';
import type { TenantProvisioner } from '../application/ports/tenant-provisioner.port';
import { ConfigError, loadConfig, type Config } from './config';
import { infrastructureModule } from './modules/infrastructure.module';
import { TOKENS } from './tokens';

/**
 * Provisions and migrates every tenant (TenantProvisioner: collections, indexes, then the migration
 * steps each tenant has not recorded), one after the other, logging each step's progress. The API
 * and the workers do the same for a tenant when they first touch it; running this first, with the
 * processes' environment, keeps that first request from waiting for a long step.
 * Returns the number of tenants that failed.
 */
export async function migrateEveryTenant(config: Config): Promise<number> {
  const container = new Container({ defaultScope: 'Singleton' });
  container.loadSync(infrastructureModule(config, 'chat-migrate'));
  const log = container.get<Logger>(TOKENS.Logger);
  const mongo = container.get<MongoDatabases>(TOKENS.Mongo);
  const redis = container.get<RedisConnections>(TOKENS.Redis);
  await mongo.connect();
  await redis.waitUntilReady(config.DEPENDENCY_TIMEOUT_MS);
  let failed = 0;
  try {
    const tenants = await container.get<TenantDirectory>(TOKENS.TenantDirectory).list();
    const provisioner = container.get<TenantProvisioner>(TOKENS.TenantProvisioner);
    for (const [i, tenant] of tenants.entries()) {
      log.info({ tenant: tenant.slug, index: i + 1, of: tenants.length }, 'migrating tenant');
      await provisioner.provision(tenant).catch((err) => {
        failed += 1;
        log.error({ err, tenant: tenant.slug }, 'tenant migration failed; run again to resume');
      });
    }
    log.info({ tenants: tenants.length, failed }, 'migrations done');
  } finally {
    await redis.close();
    await mongo.close();
  }
  return failed;
}

/** The `chat-migrate` process: validated config, every tenant, exit 0 or 1. */
export function runMigrate(): void {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`chat-migrate: ${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exit(1);
  }
  migrateEveryTenant(config).then(
    (failed) => process.exit(failed === 0 ? 0 : 1),
    (error) => {
      process.stderr.write(`chat-migrate: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}

if (require.main === module) runMigrate();
