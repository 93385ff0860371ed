import { Channel } from '../../domain/channel/channel.entity';
import { ChannelType } from '../../domain/channel/channel-type';
import { Message } from '../../domain/message/message.entity';
import { Participant } from '../../domain/participant/participant';
import { ParticipantRole } from '../../domain/participant/participant-role';

export interface CreateChannelResult {
  channel: Channel;
  /** False when a channel with the same direct_key or context_key already existed. */
  created: boolean;
}

/** A channel as views show it: with a copy of its latest message, edits and deletion included. */
export interface ChannelListing {
  channel: Channel;
  lastMessage: Message | null;
}

/** Equality filters on a channel's own fields (GET channels/). */
export interface InboxFilter {
  channel_type?: ChannelType;
  host_application_id?: string;
  context_object_type?: string;
  context_object_id?: string;
}

/**
 * A position in the inbox order: last_activity_at descending (the last message's time, or the
 * creation time while there is none), then channel_id descending, so that the order is total.
 */
export interface InboxPosition {
  last_activity_at: Date;
  channel_id: string;
}

export interface MemberChannelsQuery extends InboxFilter {
  limit: number;
  /** Exclusive: start after this position. */
  after?: InboxPosition;
}

export interface MemberChannelsPage {
  listings: ChannelListing[];
  has_more: boolean;
}

/**
 * Channels of one tenant, with their participants. Embedding the participants in the channel
 * document keeps each participant change atomic without transactions; the document also carries the
 * participants' ids and its last message, so that a user's inbox is one query on the channels.
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

  /** The channel with its last message, or null: one lookup. */
  findListing(id: string): Promise<ChannelListing | null>;

  /** The channels that exist among `ids`, in any order (one equality lookup per id is fine). */
  findManyByIds(ids: readonly string[]): Promise<Channel[]>;

  /** A filtered page of the channels `userId` participates in, in the inbox order: one query. */
  pageByMember(userId: string, query: MemberChannelsQuery): Promise<MemberChannelsPage>;

  /** Every channel `userId` participates in, in the inbox order: one query. */
  listByMember(userId: string): Promise<ChannelListing[]>;

  /** The user ids of the channel's participants, or null when there is no such channel. */
  findMemberIds(channelId: string): Promise<string[] | null>;

  /** Writes the channel's own attributes (name, members_can_pin, updated_at); participants and last message are left alone. */
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
   * Makes `message` the channel's last message (id, seq, time, the inbox order and a copy of it),
   * only if its seq is greater than the stored one: concurrent sends can arrive in any order, the
   * latest message wins.
   */
  recordLastMessage(channelId: string, message: Message): Promise<void>;
}
