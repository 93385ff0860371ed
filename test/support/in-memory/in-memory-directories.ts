import { TenantDirectory } from '../../../src/application/ports/tenant-directory.port';
import { TenantProvisioner } from '../../../src/application/ports/tenant-provisioner.port';
import { UserDirectory } from '../../../src/application/ports/user-directory.port';
import { NewTenant, Tenant, TenantStatus } from '../../../src/domain/tenant/tenant';
import { TenantExistsError } from '../../../src/domain/tenant/tenant.errors';
import { UserProfile } from '../../../src/domain/user/user-profile';

export class InMemoryUserDirectory implements UserDirectory {
  private readonly profiles = new Map<string, UserProfile>();

  async upsert(profile: UserProfile): Promise<UserProfile> {
    this.profiles.set(profile.user_id, structuredClone(profile));
    return structuredClone(profile);
  }

  async get(userId: string): Promise<UserProfile | null> {
    const profile = this.profiles.get(userId);
    return profile ? structuredClone(profile) : null;
  }

  /** Every profile (the data-rights fakes). */
  all(): UserProfile[] {
    return [...this.profiles.values()].map((p) => structuredClone(p));
  }

  /** Deletes the profile; false when there was none. */
  remove(userId: string): boolean {
    return this.profiles.delete(userId);
  }
}

export class InMemoryTenantDirectory implements TenantDirectory {
  private readonly tenants = new Map<string, Tenant>();

  async find(slug: string): Promise<Tenant | null> {
    const tenant = this.tenants.get(slug);
    return tenant ? structuredClone(tenant) : null;
  }

  async create(tenant: NewTenant, placement: { server?: string } = {}): Promise<Tenant> {
    if (this.tenants.has(tenant.slug)) throw new TenantExistsError(tenant.slug);
    const stored: Tenant = {
      ...tenant,
      database_name: `chat_${tenant.slug}`,
      server: placement.server ?? 'default',
      status: 'active',
    };
    this.tenants.set(tenant.slug, stored);
    return structuredClone(stored);
  }

  async list(): Promise<Tenant[]> {
    return [...this.tenants.values()].map((t) => structuredClone(t));
  }

  async setStatus(slug: string, status: TenantStatus): Promise<Tenant | null> {
    const tenant = this.tenants.get(slug);
    if (!tenant) return null;
    tenant.status = status;
    return structuredClone(tenant);
  }

  async remove(slug: string): Promise<void> {
    this.tenants.delete(slug);
  }
}

export class InMemoryTenantProvisioner implements TenantProvisioner {
  readonly provisioned = new Set<string>();

  async provision(tenant: Tenant): Promise<void> {
    this.provisioned.add(tenant.slug);
  }
}
