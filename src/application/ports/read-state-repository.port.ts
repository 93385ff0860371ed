import { ChannelType } from '../../domain/channel/channel-type';
import { ReadPointer } from '../../domain/read/read-pointer';

/**
 * One row per membership (UserChannelState): the user's read pointer and mute flag, plus copies of
 * channel fields written when the row is created (the inbox now reads channel documents by
 * member_ids; channel_last_seq, last_activity_at and unread_count are legacy and no longer kept current).
 */
export interface UserChannelState {
  user_id: string;
  channel_id: string;
  last_read_message_id: number | null;
  last_read_seq: number;
  is_muted: boolean;
  /** Legacy: no longer written (rows of the previous layout keep a stale value). Views derive the count from the seqs (read/unread.ts). */
  unread_count: number;
  joined_at: Date;
  // Copied from the channel. The first four never change after creation.
  channel_type: ChannelType;
  host_application_id: string | null;
  context_object_type: string | null;
  context_object_id: string | null;
  /** The channel's last_message_seq. */
  channel_last_seq: number;
  /** The channel's last message time, or its creation time while it has none: the inbox order. */
  last_activity_at: Date;
}

/** Read state of one tenant's memberships. Every method is keyed by user_id and/or channel_id equality. */
export interface ReadStateRepository {
  /** Inserts the row unless one exists for (user_id, channel_id); never overwrites. */
  create(state: UserChannelState): Promise<void>;

  find(userId: string, channelId: string): Promise<UserChannelState | null>;

  /**
   * The user's rows, only those of `channelIds` when given, in any order: one query on user_id
   * (the views read the caller's rows for the channels they show).
   */
  findByUser(userId: string, channelIds?: readonly string[]): Promise<UserChannelState[]>;

  /** Every membership row of the channel, in any order. */
  listByChannel(channelId: string): Promise<UserChannelState[]>;

  /**
   * Moves the pointer to `pointer` only if it is further (seq greater) than the stored one, so
   * concurrent advances keep the furthest. One write, no read: true when it moved, false when the
   * stored pointer was already as far (or there is no row).
   */
  advancePointer(userId: string, channelId: string, pointer: ReadPointer): Promise<boolean>;

  setMuted(userId: string, channelId: string, muted: boolean): Promise<void>;

  /** Deletes the row; a no-op when there is none. */
  remove(userId: string, channelId: string): Promise<void>;
}
