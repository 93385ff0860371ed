import type { TenantProvisioner } from '../../../application/ports/tenant-provisioner.port';
import type { Tenant } from '../../../domain/tenant/tenant';
import type { MongoDatabases } from './mongo-databases';
import { tenantModels } from './tenant-models';

/**
 * Creates each tenant collection and its indexes. `createIndexes` is idempotent, so provisioning runs
 * at tenant creation and again (cheaply) whenever a process first touches a tenant.
 */
export class MongoTenantProvisioner implements TenantProvisioner {
  constructor(private readonly mongo: MongoDatabases) {}

  async provision(tenant: Tenant): Promise<void> {
    const models = tenantModels(this.mongo.tenant(tenant.database_name));
    for (const model of Object.values(models)) {
      await model.createCollection().catch(ignoreExists);
      await model.createIndexes();
    }
  }
}

function ignoreExists(error: { code?: number }): void {
  if (error.code !== 48) throw error; // 48: NamespaceExists
}
