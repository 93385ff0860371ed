import type { TenantContext, TenantContexts, TenantPorts } from '../adapters/tenancy/tenant-context';
import type { TenantDirectory } from '../application/ports/tenant-directory.port';
import type { TenantProvisioner } from '../application/ports/tenant-provisioner.port';
import type { Tenant } from '../domain/tenant/tenant';
import { TenantNotFoundError, TenantSuspendedError } from '../domain/tenant/tenant.errors';
import { buildUseCases } from './tenant-use-cases';

/** Builds one tenant's ports (repositories on its database, publisher, queue …). */
export type TenantPortsFactory = (tenant: Tenant) => TenantPorts;

/**
 * Resolves a slug to its tenant context and keeps it until the tenant's status changes (announced
 * to every process: `forget`). The first resolution in a process also provisions the tenant's
 * database (idempotent: collections and indexes), so a deployment that adds an index applies it to
 * every tenant as it is touched. A suspended tenant has no context (TenantSuspendedError), nor has
 * one being deleted (TenantNotFoundError, as once it is gone).
 */
export class CachedTenantContexts implements TenantContexts {
  private readonly contexts = new Map<string, Promise<TenantContext>>();

  constructor(
    private readonly tenants: TenantDirectory,
    private readonly provisioner: TenantProvisioner,
    private readonly buildPorts: TenantPortsFactory,
  ) {}

  forSlug(slug: string): Promise<TenantContext> {
    let context = this.contexts.get(slug);
    if (!context) {
      context = this.build(slug);
      this.contexts.set(slug, context);
      // A failure (unknown tenant, database down) is not cached: the next call tries again.
      context.catch(() => this.contexts.delete(slug));
    }
    return context;
  }

  /** Forgets the tenant's context: the next resolution reads the registry again. */
  forget(slug: string): void {
    this.contexts.delete(slug);
  }

  clear(): void {
    this.contexts.clear();
  }

  private async build(slug: string): Promise<TenantContext> {
    const tenant = await this.tenants.find(slug);
    if (!tenant || tenant.status === 'deleting') throw new TenantNotFoundError(slug);
    if (tenant.status === 'suspended') throw new TenantSuspendedError(slug);
    await this.provisioner.provision(tenant);
    const ports = this.buildPorts(tenant);
    return { tenant, ports, useCases: buildUseCases(ports) };
  }
}
