import { assertNotBannedFromTenant } from '../../domain/access/moderation-policy';
import { Clock } from '../ports/clock.port';
import { TenantBans } from '../ports/tenant-bans.port';

/**
 * Lets a user use the tenant (every REST request, every handshake): answered from the node's memory
 * of the tenant's bans on a warm node, so it costs no command.
 * @throws TenantBannedError (forbidden).
 */
export class CheckTenantAccess {
  constructor(
    private readonly bans: TenantBans,
    private readonly clock: Clock,
  ) {}

  async execute(input: { userId: string }): Promise<void> {
    assertNotBannedFromTenant(await this.bans.find(input.userId), this.clock.now());
  }
}
