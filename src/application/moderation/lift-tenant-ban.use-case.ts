import { RestrictionNotFoundError } from '../../domain/moderation/moderation.errors';
import { UserId } from '../../domain/user/user-id';
import { Clock } from '../ports/clock.port';
import { TenantBans } from '../ports/tenant-bans.port';
import { TenantBanView, toTenantBanView } from '../views/moderation.view';

/**
 * Lifts a user's tenant ban (admin API): they are served again at once on every node.
 * @throws RestrictionNotFoundError (no ban of that user in force: not_found), ValidationError.
 */
export class LiftTenantBan {
  constructor(
    private readonly bans: TenantBans,
    private readonly clock: Clock,
  ) {}

  async execute(input: { user_id: string }): Promise<TenantBanView> {
    const userId = UserId.parse(input.user_id);
    const lifted = await this.bans.lift(userId, this.clock.now());
    if (!lifted) throw new RestrictionNotFoundError('ban', userId);
    return toTenantBanView(lifted);
  }
}
