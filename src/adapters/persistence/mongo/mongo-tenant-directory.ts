import { Schema, type Connection, type Model } from 'mongoose';
import type { TenantDirectory } from '../../../application/ports/tenant-directory.port';
import type { TenantWebhook, TenantWebhooks } from '../../../application/ports/tenant-webhooks.port';
import type { NewTenant, Tenant } from '../../../domain/tenant/tenant';
import { TenantExistsError } from '../../../domain/tenant/tenant.errors';
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
    created_at: { type: Date, required: true },
    webhook_url: { type: String, default: null },
    webhook_secret: { type: String, default: null },
  },
  { collection: 'tenants', versionKey: false, strict: false },
);

/** The tenant registry in the control database, with a short per-process cache for lookups. */
export class MongoTenantDirectory implements TenantDirectory, TenantWebhooks {
  private readonly model: Model<TenantDocument>;
  private readonly cache = new Map<string, { tenant: Tenant; until: number }>();

  constructor(
    control: Connection,
    private readonly databaseNameFor: (slug: string) => string,
    private readonly cacheTtlMs = 5_000,
  ) {
    this.model = control.models.Tenant ?? control.model<TenantDocument>('Tenant', tenantSchema);
  }

  async create(input: NewTenant): Promise<Tenant> {
    const tenant: Tenant = { ...input, database_name: this.databaseNameFor(input.slug) };
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

  async list(): Promise<Tenant[]> {
    const docs = await this.model.find().lean();
    return docs.map(toTenant).sort((a, b) => +a.created_at - +b.created_at);
  }
}

function toTenant(doc: TenantDocument): Tenant {
  const { _id, ...rest } = doc;
  return { slug: _id, ...rest };
}
