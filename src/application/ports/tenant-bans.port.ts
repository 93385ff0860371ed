import type { RestrictionPrimitives } from '../../domain/moderation/restriction';

/** Users banned from the whole tenant by its administrator. */
export interface TenantBans {
  /**
   * The user's ban, if any (in force or not: the policy judges): may come from the API node's memory,
   * which every node forgets as soon as the tenant's bans change.
   */
  find(userId: string): Promise<RestrictionPrimitives | null>;

  /** Stores the ban, replacing the user's previous one; `created: false` when one was in force. */
  put(ban: RestrictionPrimitives, now: Date): Promise<{ ban: RestrictionPrimitives; created: boolean }>;

  /** Removes the user's ban and returns it; null when none was in force. */
  lift(userId: string, now: Date): Promise<RestrictionPrimitives | null>;

  /** The bans in force, oldest first. */
  list(now: Date): Promise<RestrictionPrimitives[]>;
}
