import { Channel } from '../../domain/channel/channel.entity';
import { Message } from '../../domain/message/message.entity';
import { UserErasure } from '../../domain/user/user-erasure';

/** What a user's erasure deleted from their reading. */
export interface ReadingDeleted {
  read_states: number;
  receipts: number;
}

/**
 * The writes of a user's erasure (EraseUser) that no other use case makes. Each is idempotent, and
 * the reads return only what still names the user, so a retry after a crash picks up where the
 * erasure stopped. Participants are removed through ChannelRepository, as when someone leaves.
 */
export interface UserErasureStore {
  /**
   * Records the erasure unless one of this user is already recorded, and returns the recorded one:
   * a retry goes on with the pseudonym (and mode) of the first attempt.
   */
  begin(erasure: UserErasure): Promise<UserErasure>;

  /** Forgets the record: the last step, once nothing names the user any more. */
  finish(userId: string): Promise<void>;

  /** Up to `limit` channels that still name the user: as a participant or as their creator. */
  channelsNaming(userId: string, limit: number): Promise<Channel[]>;

  /** Writes the channel's `created_by` and `direct_key` as the erasure left them (not its participants). */
  saveChannelReferences(channel: Channel): Promise<void>;

  /** Up to `limit` messages whose author is still the user. */
  messagesBy(userId: string, limit: number): Promise<Message[]>;

  /**
   * Stores messages of `userId` as erased (author, client id, content, file, deleted_at), and each
   * channel's copy of its last message when it is one of them, before the message itself.
   */
  saveErasedMessages(userId: string, messages: readonly Message[]): Promise<void>;

  /** Deletes every membership row (read pointer, mute) and read receipt of the user. */
  deleteReading(userId: string): Promise<ReadingDeleted>;

  /** Deletes the user's profile; false when there was none. */
  deleteProfile(userId: string): Promise<boolean>;
}
