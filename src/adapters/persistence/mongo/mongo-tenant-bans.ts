import type { Model } from 'mongoose';
import type { TenantBans } from '../../../application/ports/tenant-bans.port';
import { isInForce, type RestrictionPrimitives } from '../../../domain/moderation/restriction';
import type { TenantBanDocument } from './schemas/moderation.schemas';

/**
 * The tenant's bans, one document per user (`_id`), ended ones included until replaced or lifted.
 * `all()` is what a node remembers of the tenant (RememberedTenantBans): one query.
 */
export class MongoTenantBans implements TenantBans {
  constructor(private readonly bans: Model<TenantBanDocument>) {}

  async find(userId: string): Promise<RestrictionPrimitives | null> {
    const doc = await this.bans.findById(userId).lean<TenantBanDocument>();
    return doc ? toBan(doc) : null;
  }

  async all(): Promise<RestrictionPrimitives[]> {
    return (await this.bans.find({}).lean<TenantBanDocument[]>()).map(toBan);
  }

  async put(
    ban: RestrictionPrimitives,
    now: Date,
  ): Promise<{ ban: RestrictionPrimitives; created: boolean }> {
    const previous = await this.find(ban.user_id);
    const { user_id, ...fields } = ban;
    await this.bans.updateOne({ _id: user_id }, { $set: fields }, { upsert: true });
    return { ban, created: !previous || !isInForce(previous, now) };
  }

  async lift(userId: string, now: Date): Promise<RestrictionPrimitives | null> {
    const previous = await this.find(userId);
    if (!previous) return null;
    const { deletedCount } = await this.bans.deleteOne({ _id: userId });
    return deletedCount === 1 && isInForce(previous, now) ? previous : null;
  }

  async list(now: Date): Promise<RestrictionPrimitives[]> {
    return (await this.all())
      .filter((ban) => isInForce(ban, now))
      .sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
  }
}

function toBan(doc: TenantBanDocument): RestrictionPrimitives {
  return {
    user_id: doc._id,
    until: doc.until ?? null,
    reason: doc.reason ?? null,
    created_by: doc.created_by,
    created_at: doc.created_at,
  };
}
