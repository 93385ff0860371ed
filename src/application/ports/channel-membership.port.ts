import type { ChannelType } from '../../domain/channel/channel-type';
import type { ChannelModeration } from '../../domain/moderation/channel-moderation';
import type { ParticipantRole } from '../../domain/participant/participant-role';

/** What a send or a connection needs to know of a channel: who is in it, with which role, and its moderation. */
export interface ChannelAccess {
  channelType: ChannelType;
  roles: ReadonlyMap<string, ParticipantRole>;
  moderation: ChannelModeration;
}

/**
 * Whether a user is a participant of a channel, and the channel's access rules, for checks that run
 * on every socket connection and every send. An implementation may answer "yes" from a cache that
 * forgets a channel as soon as one of its participants is removed or its moderation changes (and
 * after a short time anyway); it never answers "no" without asking the channel itself, so that
 * someone just added can connect at once.
 */
export interface ChannelMembership {
  isMember(channelId: string, userId: string): Promise<boolean>;

  /** The channel's access when `userId` is one of its participants; null otherwise (or no such channel). */
  accessFor(channelId: string, userId: string): Promise<ChannelAccess | null>;

  /**
   * The channel's roles or moderation changed: every API node forgets what it remembers of it (this
   * one first, so its own next check cannot beat the news).
   */
  changed(channelId: string): Promise<void>;
}
