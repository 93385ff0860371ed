import { NewTenant, Tenant } from '../../domain/tenant/tenant';

/** The control database's list of tenants (the only port not bound to one tenant). */
export interface TenantDirectory {
  /** The tenant, or null. */
  find(slug: string): Promise<Tenant | null>;

  /**
   * Registers the tenant and chooses its database name.
   * @throws TenantExistsError when the slug is taken (a unique index decides under concurrency).
   */
  create(tenant: NewTenant): Promise<Tenant>;

  /** Every tenant, oldest first. */
  list(): Promise<Tenant[]>;
}
