import { NewTenant, Tenant, TenantStatus } from '../../domain/tenant/tenant';

/** The control database's list of tenants (the only port not bound to one tenant). */
export interface TenantDirectory {
  /** The tenant, or null. */
  find(slug: string): Promise<Tenant | null>;

  /**
   * Registers the tenant, choosing its database name and its database server: the one asked for,
   * or the one holding the fewest tenants.
   * @throws TenantExistsError when the slug is taken (a unique index decides under concurrency).
   * @throws ValidationError when the server asked for is not configured.
   */
  create(tenant: NewTenant, placement?: { server?: string }): Promise<Tenant>;

  /** Every tenant, oldest first. */
  list(): Promise<Tenant[]>;

  /** Sets the tenant's status; returns the tenant afterwards, or null if unknown. */
  setStatus(slug: string, status: TenantStatus): Promise<Tenant | null>;

  /** Removes the tenant from the registry (nothing happens for an unknown slug). */
  remove(slug: string): Promise<void>;
}
