import { Channel } from '../../domain/channel/channel.entity';
import { Participant } from '../../domain/participant/participant';
import { ParticipantRole } from '../../domain/participant/participant-role';

export interface CreateChannelResult {
  channel: Channel;
  /** False when a channel with the same direct_key or context_key already existed. */
  created: boolean;
}

export interface LastMessage {
  id: number;
  seq: number;
  created_at: Date;
}

/**
 * Channels of one tenant, with their participants. Every lookup is by id or by a unique key, so an
 * implementation on FerretDB v1 serves each with an equality filter. Embedding the participants in
 * the channel document keeps each participant change atomic without transactions.
 */
export interface ChannelRepository {
  /**
   * Stores a new channel with its participants, unless a channel with the same `direct_key` or
   * `context_key` exists: then returns that one, unchanged, with `created: false`. Concurrent calls
   * for the same key create exactly one channel (unique indexes on both keys, which every channel has).
   */
  createIfAbsent(channel: Channel): Promise<CreateChannelResult>;

  /** The channel with its participants, or null. */
  findById(id: string): Promise<Channel | null>;

  /** The channels that exist among `ids`, in any order (one equality lookup per id is fine). */
  findManyByIds(ids: readonly string[]): Promise<Channel[]>;

  /** Writes the channel's own attributes (name, updated_at); participants and last message are left alone. */
  save(channel: Channel): Promise<void>;

  /**
   * Adds the participants in one write of the participants array (all of them or none); those
   * already in are left as they are.
   */
  addParticipants(channelId: string, participants: readonly Participant[]): Promise<void>;

  /** Removes the user's participation; a no-op when they are not a participant. */
  removeParticipant(channelId: string, userId: string): Promise<void>;

  /** Sets a participant's role; a no-op when they are not a participant. */
  changeRole(channelId: string, userId: string, role: ParticipantRole): Promise<void>;

  /**
   * Sets last_message_id / last_message_seq / last_message_at, only if `message.seq` is greater
   * than the stored one: concurrent sends can arrive in any order, the latest message wins.
   */
  recordLastMessage(channelId: string, message: LastMessage): Promise<void>;
}
