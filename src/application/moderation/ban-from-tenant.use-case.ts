import { newRestriction } from '../../domain/moderation/restriction';
import { UserId } from '../../domain/user/user-id';
import { Clock } from '../ports/clock.port';
import { TenantBans } from '../ports/tenant-bans.port';
import { TenantBanView, toTenantBanView } from '../views/moderation.view';

/** Who the admin API's bans name as their author. */
export const TENANT_ADMIN = 'admin';

export interface BanFromTenantInput {
  user_id: string;
  until?: Date | null;
  reason?: string | null;
}

/**
 * Bans a user from the whole tenant (admin API): every REST request of theirs is refused (forbidden)
 * and their sockets are closed on every node, until the ban ends or is lifted; their memberships are
 * kept, so they find their channels again afterwards. Repeating it replaces the ban (HTTP 200).
 * @throws ValidationError (user_id, until in the past, reason).
 */
export class BanFromTenant {
  constructor(
    private readonly bans: TenantBans,
    private readonly clock: Clock,
  ) {}

  async execute(input: BanFromTenantInput): Promise<{ ban: TenantBanView; created: boolean }> {
    const now = this.clock.now();
    const candidate = newRestriction(
      { ...input, user_id: UserId.parse(input.user_id), created_by: TENANT_ADMIN },
      now,
    );
    const { ban, created } = await this.bans.put(candidate, now);
    return { ban: toTenantBanView(ban), created };
  }
}
