import type { Tenant } from '../../domain/tenant/tenant';
import { TenantDeletingError, TenantNotFoundError } from '../../domain/tenant/tenant.errors';
import type { TenantDirectory } from '../ports/tenant-directory.port';
import type { TenantStatusChanges } from '../ports/tenant-lifecycle.port';

export interface SetTenantStatusInput {
  slug: string;
  status: 'active' | 'suspended';
}

/**
 * Suspends a tenant or makes it active again. Suspended, none of its requests, handshakes or jobs is
 * served (403 `tenant_suspended`; jobs wait), its connected sockets are closed, and its data stays.
 * Every process hears of the change at once (TenantStatusChanges). Setting the status it has already
 * changes nothing but is announced again, so a process that missed the first announcement catches up.
 * @throws TenantNotFoundError; TenantDeletingError (conflict) once its deletion has begun.
 */
export class SetTenantStatus {
  constructor(
    private readonly tenants: TenantDirectory,
    private readonly changes: TenantStatusChanges,
  ) {}

  async execute(input: SetTenantStatusInput): Promise<Tenant> {
    const current = await this.tenants.find(input.slug);
    if (!current) throw new TenantNotFoundError(input.slug);
    if (current.status === 'deleting') throw new TenantDeletingError(input.slug);
    const updated = await this.tenants.setStatus(input.slug, input.status);
    if (!updated) throw new TenantNotFoundError(input.slug);
    await this.changes.announce(input.slug);
    return updated;
  }
}
