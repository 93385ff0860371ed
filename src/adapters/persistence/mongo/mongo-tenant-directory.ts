import { Schema, type Connection, type Model } from 'mongoose';
import type { TenantDirectory } from '../../../application/ports/tenant-directory.port';
import type { TenantWebhook, TenantWebhooks } from '../../../application/ports/tenant-webhooks.port';
import { ValidationError } from '../../../domain/shared/domain-error';
import type { NewTenant, Tenant, TenantStatus } from '../../../domain/tenant/tenant';
import { TenantExistsError } from '../../../domain/tenant/tenant.errors';
import { DEFAULT_SERVER } from './mongo-databases';
import { isDuplicateKey } from './mongo-errors';

interface TenantDocument extends Omit<Tenant, 'slug'> {
  _id: string;
}

// The slug is the _id: uniqueness and lookups by _id work the same on MongoDB and on FerretDB's
// SQLite storage, which pushes down only _id equality.
const tenantSchema = new Schema<TenantDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    database_name: { type: String, required: true },
    // Absent in documents written before placement: those tenants are on the default server.
    server: { type: String },
    // Absent in documents written before the tenant lifecycle: those tenants are active.
    status: { type: String },
    created_at: { type: Date, required: true },
    webhook_url: { type: String, default: null },
    webhook_secret: { type: String, default: null },
  },
  { collection: 'tenants', versionKey: false, strict: false },
);

/** Where tenant databases may go: the database servers by name, `default` first. */
export interface TenantServers {
  names: readonly string[];
  databaseNameFor(slug: string): string;
}

/**
 * The tenant registry in the control database, with a short per-process cache for lookups. It also
 * places each new tenant: on the server asked for, or on the one holding the fewest tenants.
 */
export class MongoTenantDirectory implements TenantDirectory, TenantWebhooks {
  private readonly model: Model<TenantDocument>;
  private readonly cache = new Map<string, { tenant: Tenant; until: number }>();

  constructor(
    control: Connection,
    private readonly servers: TenantServers,
    private readonly cacheTtlMs = 5_000,
  ) {
    this.model = control.models.Tenant ?? control.model<TenantDocument>('Tenant', tenantSchema);
  }

  async create(input: NewTenant, placement: { server?: string } = {}): Promise<Tenant> {
    const server = await this.placeOn(placement.server);
    const tenant: Tenant = {
      ...input,
      database_name: this.servers.databaseNameFor(input.slug),
      server,
      status: 'active',
    };
    const { slug, ...rest } = tenant;
    try {
      await this.model.create({ _id: slug, ...rest });
    } catch (error) {
      if (isDuplicateKey(error)) throw new TenantExistsError(slug);
      throw error;
    }
    return tenant;
  }

  async find(slug: string): Promise<Tenant | null> {
    const hit = this.cache.get(slug);
    if (hit && hit.until > Date.now()) return hit.tenant;
    const doc = await this.model.findById(slug).lean();
    if (!doc) return null;
    const tenant = toTenant(doc);
    this.cache.set(slug, { tenant, until: Date.now() + this.cacheTtlMs });
    return tenant;
  }

  async setWebhook(slug: string, webhook: TenantWebhook | null): Promise<Tenant | null> {
    // A plain $set by _id from the admin API; no concurrent writer updates a tenant's document.
    const set = { webhook_url: webhook?.url ?? null, webhook_secret: webhook?.secret ?? null };
    const { matchedCount } = await this.model.updateOne({ _id: slug }, { $set: set });
    this.cache.delete(slug);
    return matchedCount === 0 ? null : this.find(slug);
  }

  async setStatus(slug: string, status: TenantStatus): Promise<Tenant | null> {
    const { matchedCount } = await this.model.updateOne({ _id: slug }, { $set: { status } });
    this.forget(slug);
    return matchedCount === 0 ? null : this.find(slug);
  }

  async remove(slug: string): Promise<void> {
    await this.model.deleteOne({ _id: slug });
    this.forget(slug);
  }

  /** Forgets the cached entry of a tenant (its status changed, here or on another node). */
  forget(slug: string): void {
    this.cache.delete(slug);
  }

  clear(): void {
    this.cache.clear();
  }

  /**
   * The server asked for, or the one with the fewest tenants (the first such one in configuration
   * order). One count per server, each a top-level equality FerretDB pushes down; tenants registered
   * before placement count for `default`. Two creations at once may pick the same server: placement
   * balances, it does not reserve.
   */
  private async placeOn(requested: string | undefined): Promise<string> {
    const names = this.servers.names;
    if (requested !== undefined) {
      if (!names.includes(requested)) {
        throw new ValidationError(`server must be one of ${names.join(', ')}`, { field: 'server' });
      }
      return requested;
    }
    if (names.length === 1) return names[0];
    const [total, ...placed] = await Promise.all([
      this.model.countDocuments(),
      ...names.slice(1).map((name) => this.model.countDocuments({ server: name })),
    ]);
    const counts = [total - placed.reduce((sum, n) => sum + n, 0), ...placed];
    return names[counts.indexOf(Math.min(...counts))];
  }

  async list(): Promise<Tenant[]> {
    const docs = await this.model.find().lean();
    return docs.map(toTenant).sort((a, b) => +a.created_at - +b.created_at);
  }
}

function toTenant(doc: TenantDocument): Tenant {
  const { _id, server, status, ...rest } = doc;
  return { slug: _id, server: server ?? DEFAULT_SERVER, status: status ?? 'active', ...rest };
}
