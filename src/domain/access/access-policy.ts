import { Channel } from '../channel/channel.entity';
import { ChannelNotFoundError } from '../channel/channel.errors';
import { Message } from '../message/message.entity';
import { MessageNotFoundError } from '../message/message.errors';
import { Participant } from '../participant/participant';
import { InsufficientRoleError, NotMessageAuthorError } from './access.errors';

/*
 * The one place that answers "may this user do X in this channel". Every check first requires the
 * user to be a participant: anyone else gets ChannelNotFoundError, exactly as if the channel did not
 * exist, so ids cannot be probed. Roles (docs/contract.md): admins manage participants, the name and roles;
 * members and guests read and send. Adding people is admin-only ("admin manages participants"),
 * which also covers "a guest cannot add people". Moderation (bans, mutes, slow mode, flags, blocks,
 * tenant bans) is the other half of this policy: moderation-policy.ts.
 */

/** Returns the caller's participation; read access is simply being a participant. */
export function assertCanRead(channel: Channel, userId: string): Participant {
  const participant = channel.participant(userId);
  if (!participant) throw new ChannelNotFoundError();
  return participant;
}

/**
 * Every participant, guests included, may send, within the channel's moderation: the send applies
 * moderation-policy.ts (assertCanSendNow: bans, mutes, blocks, slow mode) to what it knows of the channel.
 */
export function assertCanSend(channel: Channel, userId: string): Participant {
  return assertCanRead(channel, userId);
}

export function assertCanAddParticipant(channel: Channel, userId: string): Participant {
  return requireAdmin(channel, userId, 'adding participants');
}

/** Admins may remove anyone; anyone may remove themselves (leave). */
export function assertCanRemoveParticipant(
  channel: Channel,
  userId: string,
  targetUserId: string,
): Participant {
  if (userId === targetUserId) return assertCanRead(channel, userId);
  return requireAdmin(channel, userId, 'removing participants');
}

export function assertCanChangeRole(channel: Channel, userId: string): Participant {
  return requireAdmin(channel, userId, 'changing roles');
}

export function assertCanRename(channel: Channel, userId: string): Participant {
  return requireAdmin(channel, userId, 'renaming the channel');
}

/** Mute is a personal preference: any participant may mute or unmute. */
export function assertCanMute(channel: Channel, userId: string): Participant {
  return assertCanRead(channel, userId);
}

/** A message is visible through its own channel only; elsewhere it does not exist. */
export function assertCanReadMessage(channel: Channel, userId: string, message: Message): Participant {
  const participant = assertCanRead(channel, userId);
  if (message.channelId !== channel.id) throw new MessageNotFoundError(message.id);
  return participant;
}

/** Only the author edits a message. */
export function assertCanEditMessage(channel: Channel, userId: string, message: Message): Participant {
  const participant = assertCanReadMessage(channel, userId, message);
  if (message.userId !== userId) throw new NotMessageAuthorError('edit');
  return participant;
}

/**
 * The author or an admin deletes a message. In a direct channel there is nothing to administer, so
 * the creator's admin role gives no power over the other user's messages: only the author deletes.
 */
export function assertCanDeleteMessage(channel: Channel, userId: string, message: Message): Participant {
  const participant = assertCanReadMessage(channel, userId, message);
  if (message.userId === userId) return participant;
  if (channel.type === 'direct') throw new NotMessageAuthorError('delete');
  if (!participant.isAdmin) throw new InsufficientRoleError('deleting others’ messages', 'admin');
  return participant;
}

/*
 * Reactions and pins (docs/contract.md, "Reactions and pins"). Reacting is part of taking part, so
 * everyone who may send may react, guests included, each with their own reactions only. Pinning
 * shapes what everyone sees first, so it is Slack's "who can pin" setting: admins always, members
 * when the channel's members_can_pin is on, guests never; in a direct channel there is nothing to
 * administer and either participant may pin, as in a Slack DM. Whoever may pin may unpin any pin.
 * A tombstone takes neither.
 */

/** Adding a reaction: any participant, on a message of this channel that is not a tombstone. */
export function assertCanReact(channel: Channel, userId: string, message: Message): Participant {
  const participant = assertCanReadMessage(channel, userId, message);
  message.assertNotDeleted();
  return participant;
}

/** Removing one's own reaction: any participant (a tombstone has none left to remove). */
export function assertCanUnreact(channel: Channel, userId: string, message: Message): Participant {
  return assertCanReadMessage(channel, userId, message);
}

export function assertCanPin(channel: Channel, userId: string, message: Message): Participant {
  const participant = assertCanUnpin(channel, userId, message);
  message.assertNotDeleted();
  return participant;
}

export function assertCanUnpin(channel: Channel, userId: string, message: Message): Participant {
  const participant = assertCanReadMessage(channel, userId, message);
  if (channel.type === 'direct' || participant.isAdmin) return participant;
  if (participant.role === 'member' && channel.membersCanPin) return participant;
  throw new InsufficientRoleError('pinning messages', channel.membersCanPin ? 'member' : 'admin');
}

/** Whether members may pin is the admins' choice. */
export function assertCanChangePinSetting(channel: Channel, userId: string): Participant {
  return requireAdmin(channel, userId, 'changing who may pin');
}

export function requireAdmin(channel: Channel, userId: string, action: string): Participant {
  const participant = assertCanRead(channel, userId);
  if (!participant.isAdmin) throw new InsufficientRoleError(action, 'admin');
  return participant;
}
