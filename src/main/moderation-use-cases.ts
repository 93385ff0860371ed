import type { ModerationUseCases } from '../adapters/tenancy/moderation-context';
import type { TenantPorts } from '../adapters/tenancy/tenant-context';
import { BanFromChannel } from '../application/moderation/ban-from-channel.use-case';
import { BanFromTenant } from '../application/moderation/ban-from-tenant.use-case';
import { BlockUser } from '../application/moderation/block-user.use-case';
import { CheckTenantAccess } from '../application/moderation/check-tenant-access.use-case';
import { FlagMessage } from '../application/moderation/flag-message.use-case';
import { LiftChannelBan } from '../application/moderation/lift-channel-ban.use-case';
import { LiftTenantBan } from '../application/moderation/lift-tenant-ban.use-case';
import { ListBlocks } from '../application/moderation/list-blocks.use-case';
import { ListChannelRestrictions } from '../application/moderation/list-channel-restrictions.use-case';
import { ListFlags } from '../application/moderation/list-flags.use-case';
import { ListTenantBans } from '../application/moderation/list-tenant-bans.use-case';
import { MuteMember } from '../application/moderation/mute-member.use-case';
import { UnblockUser } from '../application/moderation/unblock-user.use-case';
import { UnmuteMember } from '../application/moderation/unmute-member.use-case';
import { UpdateChannelSettings } from '../application/moderation/update-channel-settings.use-case';

/** Wires the moderation and blocking use cases to one tenant's ports (buildUseCases calls it). */
export function buildModerationUseCases(p: TenantPorts): ModerationUseCases {
  const m = p.moderation;
  return {
    banFromChannel: new BanFromChannel(p.channels, m.channels, p.readStates, p.events, p.clock),
    liftChannelBan: new LiftChannelBan(p.channels, m.channels, p.membership, p.clock),
    listChannelBans: new ListChannelRestrictions(p.channels, p.clock, 'bans'),
    muteMember: new MuteMember(p.channels, m.channels, p.membership, p.events, p.clock),
    unmuteMember: new UnmuteMember(p.channels, m.channels, p.membership, p.events, p.clock),
    listMutedMembers: new ListChannelRestrictions(p.channels, p.clock, 'mutes'),
    updateChannelSettings: new UpdateChannelSettings(
      p.channels,
      m.channels,
      p.readStates,
      p.membership,
      p.events,
      p.clock,
    ),
    flagMessage: new FlagMessage(p.channels, p.messages, m.flags, m.flagReporter, p.uuids, p.clock),
    listFlags: new ListFlags(m.flags),
    banFromTenant: new BanFromTenant(m.tenantBans, p.clock),
    liftTenantBan: new LiftTenantBan(m.tenantBans, p.clock),
    listTenantBans: new ListTenantBans(m.tenantBans, p.clock),
    checkTenantAccess: new CheckTenantAccess(m.tenantBans, p.clock),
    blockUser: new BlockUser(m.blocks, m.channels, p.membership, p.events, p.clock),
    unblockUser: new UnblockUser(m.blocks, m.channels, p.membership, p.events),
    listBlocks: new ListBlocks(m.blocks),
  };
}
