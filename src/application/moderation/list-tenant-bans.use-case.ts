import { Clock } from '../ports/clock.port';
import { TenantBans } from '../ports/tenant-bans.port';
import { TenantBanView, toTenantBanView } from '../views/moderation.view';

/** The tenant bans in force, oldest first (admin API). */
export class ListTenantBans {
  constructor(
    private readonly bans: TenantBans,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<{ results: TenantBanView[] }> {
    return { results: (await this.bans.list(this.clock.now())).map(toTenantBanView) };
  }
}
