import type { ChannelModeration } from '../../domain/moderation/channel-moderation';

/** What a change of a channel's moderation gives: the new state, and what the caller wants to know. */
export interface ModerationChange<T> {
  moderation: ChannelModeration;
  result: T;
  /** The channel's `updated_at`, when the change is one of its settings (slow mode). */
  updatedAt?: Date;
}

/**
 * The moderation stored on each channel document (bans, mutes, slow mode, direct-channel blocks),
 * where the node's memory of the channel (ChannelMembership) reads it with the members.
 */
export interface ChannelModerationRepository {
  /**
   * Runs `change` on the channel's current moderation and stores what it returns, serialized with
   * every other write of the channel (no change is lost to a concurrent one). Null when there is no
   * such channel.
   */
  modify<T>(
    channelId: string,
    change: (current: ChannelModeration) => ModerationChange<T>,
  ): Promise<T | null>;

  /** The id of the direct channel between the two users, or null. */
  findDirectChannelId(userA: string, userB: string): Promise<string | null>;
}
