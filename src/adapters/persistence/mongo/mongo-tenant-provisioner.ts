import type { TenantProvisioner } from '../../../application/ports/tenant-provisioner.port';
import type { Tenant } from '../../../domain/tenant/tenant';
import type { TenantMigrator } from './migrations/tenant-migrator';
import type { MongoDatabases } from './mongo-databases';
import { tenantModels } from './tenant-models';

/**
 * Creates each tenant collection and its indexes, then migrates what earlier layouts wrote
 * (TenantMigrator). Both are idempotent, so provisioning runs at tenant creation and again
 * (cheaply: one read of the migration records) whenever a process first touches a tenant.
 */
export class MongoTenantProvisioner implements TenantProvisioner {
  constructor(
    private readonly mongo: MongoDatabases,
    private readonly migrator: Pick<TenantMigrator, 'migrate'>,
  ) {}

  async provision(tenant: Tenant): Promise<void> {
    const db = this.mongo.tenant(tenant.database_name, tenant.server);
    for (const model of Object.values(tenantModels(db))) {
      await model.createCollection().catch(ignoreExists);
      await model.createIndexes();
    }
    await this.migrator.migrate(db);
  }
}

function ignoreExists(error: { code?: number }): void {
  if (error.code !== 48) throw error; // 48: NamespaceExists
}
