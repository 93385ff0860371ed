import type { Tenant } from '../../domain/tenant/tenant';

/**
 * Prepares a tenant's own database for this version of the code: collections, every index its
 * queries need, and the migration of data written by earlier versions. Safe to run again.
 */
export interface TenantProvisioner {
  provision(tenant: Tenant): Promise<void>;
}
