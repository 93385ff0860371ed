import { Channel } from '../channel/channel.entity';
import { ChannelNotFoundError, ParticipantNotFoundError } from '../channel/channel.errors';
import { ChannelType } from '../channel/channel-type';
import { Message } from '../message/message.entity';
import { MessageDeletedError } from '../message/message.errors';
import { ChannelModeration } from '../moderation/channel-moderation';
import {
  BlockedError,
  MutedError,
  NotModeratableError,
  OwnMessageFlagError,
  TenantBannedError,
  UserBannedError,
} from '../moderation/moderation.errors';
import { isInForce, RestrictionPrimitives } from '../moderation/restriction';
import { Participant } from '../participant/participant';
import { ParticipantRole } from '../participant/participant-role';
import { assertCanReadMessage, requireAdmin } from './access-policy';

/*
 * The moderation half of the access policy (access-policy.ts is the other): who may ban, mute, set
 * slow mode and flag, and what bans, mutes, slow mode, blocks and tenant bans take away.
 * - Channel admins moderate group and contextual channels; a direct channel has nothing to moderate
 *   (its two users block each other instead): NotModeratableError (forbidden) there.
 * - A ban removes the user and keeps them out (no add, no send) until it ends or is lifted; an admin
 *   may ban anyone but themselves, a participant or not (a ban ahead of an add).
 * - A mute leaves the member reading but not sending; admins cannot be muted (they could lift it).
 * - Slow mode: one message per `slow_mode_seconds` per member; admins are not slowed.
 * - Any participant flags someone else's message (not a deleted one).
 * - A direct channel where either user blocked the other takes no message from either, and the
 *   blocked user cannot open it; in groups blocked users' messages are stored and shown flagged.
 * - A user banned from the tenant is refused everything of it.
 */

/** What a send needs to know of its channel: from the channel, or from a node's memory of it. */
export interface SenderStanding {
  channelType: ChannelType;
  /** The sender's role; null when they are not a participant. */
  role: ParticipantRole | null;
  moderation: ChannelModeration;
}

/**
 * May `userId` send now? Returns the slow mode that applies to them (0: none). A banned user is not
 * a participant (their removal follows the ban; until it has, they are treated as removed).
 * @throws ChannelNotFoundError, MutedError, BlockedError.
 */
export function assertCanSendNow(
  standing: SenderStanding,
  userId: string,
  now: Date,
): { slowModeSeconds: number } {
  const { moderation, role } = standing;
  if (role === null || moderation.banOf(userId, now)) throw new ChannelNotFoundError();
  if (standing.channelType === 'direct') {
    if (moderation.blockedBy.length > 0) throw new BlockedError();
    return { slowModeSeconds: 0 };
  }
  const mute = moderation.muteOf(userId, now);
  if (mute) throw new MutedError(mute.until);
  return { slowModeSeconds: role === 'admin' ? 0 : moderation.slowModeSeconds };
}

/** Banning, muting, slow mode and their lists: admins of group and contextual channels. */
export function assertCanModerate(channel: Channel, userId: string, action: string): Participant {
  const participant = requireAdmin(channel, userId, action);
  if (channel.type === 'direct') {
    throw new NotModeratableError('a direct channel has no moderation; block the user instead', action);
  }
  return participant;
}

export function assertCanBan(channel: Channel, userId: string, targetId: string): Participant {
  const participant = assertCanModerate(channel, userId, 'banning users');
  if (targetId === userId) throw new NotModeratableError('you cannot ban yourself', 'banning users');
  return participant;
}

/** The target must be a participant (ParticipantNotFoundError) and not an admin. */
export function assertCanMuteMember(channel: Channel, userId: string, targetId: string): Participant {
  const participant = assertCanModerate(channel, userId, 'muting members');
  const target = channel.participant(targetId);
  if (!target) throw new ParticipantNotFoundError(targetId);
  if (target.isAdmin) {
    throw new NotModeratableError('an admin cannot be muted; change their role first', 'muting members');
  }
  return participant;
}

/** Nobody banned from the channel is added to it (all of a bulk add are checked before any is). */
export function assertNoneBanned(channel: Channel, userIds: readonly string[], now: Date): void {
  for (const userId of userIds) {
    const ban = channel.moderation.banOf(userId, now);
    if (ban) throw new UserBannedError(userId, ban.until);
  }
}

/** Any participant flags someone else's message, while it is not deleted. */
export function assertCanFlag(channel: Channel, userId: string, message: Message): Participant {
  const participant = assertCanReadMessage(channel, userId, message);
  if (message.userId === userId) throw new OwnMessageFlagError();
  if (message.isDeleted) throw new MessageDeletedError(message.id);
  return participant;
}

/** Opening a direct channel with someone who blocked you is refused (whether it exists or not). */
export function assertCanOpenDirect(blockedByOther: boolean): void {
  if (blockedByOther) throw new BlockedError();
}

/** A user banned from the tenant is refused everything of it until the ban ends or is lifted. */
export function assertNotBannedFromTenant(ban: RestrictionPrimitives | null, now: Date): void {
  if (ban && isInForce(ban, now)) throw new TenantBannedError(ban.until);
}
