import type { BanFromChannel } from '../../application/moderation/ban-from-channel.use-case';
import type { BanFromTenant } from '../../application/moderation/ban-from-tenant.use-case';
import type { BlockUser } from '../../application/moderation/block-user.use-case';
import type { CheckTenantAccess } from '../../application/moderation/check-tenant-access.use-case';
import type { FlagMessage } from '../../application/moderation/flag-message.use-case';
import type { LiftChannelBan } from '../../application/moderation/lift-channel-ban.use-case';
import type { LiftTenantBan } from '../../application/moderation/lift-tenant-ban.use-case';
import type { ListBlocks } from '../../application/moderation/list-blocks.use-case';
import type { ListChannelRestrictions } from '../../application/moderation/list-channel-restrictions.use-case';
import type { ListFlags } from '../../application/moderation/list-flags.use-case';
import type { ListTenantBans } from '../../application/moderation/list-tenant-bans.use-case';
import type { MuteMember } from '../../application/moderation/mute-member.use-case';
import type { UnblockUser } from '../../application/moderation/unblock-user.use-case';
import type { UnmuteMember } from '../../application/moderation/unmute-member.use-case';
import type { UpdateChannelSettings } from '../../application/moderation/update-channel-settings.use-case';
import type { ChannelModerationRepository } from '../../application/ports/channel-moderation.port';
import type { FlagReporter, MessageFlags } from '../../application/ports/message-flags.port';
import type { SlowModeGate } from '../../application/ports/slow-mode.port';
import type { TenantBans } from '../../application/ports/tenant-bans.port';
import type { UserBlocks } from '../../application/ports/user-blocks.port';

/** A tenant's moderation ports (TenantPorts.moderation). */
export interface ModerationPorts {
  /** Bans, mutes, slow mode and direct-channel blocks, on the channel documents. */
  channels: ChannelModerationRepository;
  /** Who blocked whom (the node remembers each user's list). */
  blocks: UserBlocks;
  /** Bans from the whole tenant (the node remembers the tenant's). */
  tenantBans: TenantBans;
  flags: MessageFlags;
  /** The tenant's webhook, for flags. */
  flagReporter: FlagReporter;
  /** Slow mode's turns per (channel, member), in Redis. */
  slowMode: SlowModeGate;
}

/** Moderation and blocking (TenantUseCases.moderation). */
export interface ModerationUseCases {
  banFromChannel: BanFromChannel;
  liftChannelBan: LiftChannelBan;
  listChannelBans: ListChannelRestrictions;
  muteMember: MuteMember;
  unmuteMember: UnmuteMember;
  listMutedMembers: ListChannelRestrictions;
  updateChannelSettings: UpdateChannelSettings;
  flagMessage: FlagMessage;
  listFlags: ListFlags;
  banFromTenant: BanFromTenant;
  liftTenantBan: LiftTenantBan;
  listTenantBans: ListTenantBans;
  checkTenantAccess: CheckTenantAccess;
  blockUser: BlockUser;
  unblockUser: UnblockUser;
  listBlocks: ListBlocks;
}
