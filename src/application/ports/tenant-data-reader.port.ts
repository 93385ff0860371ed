import { Channel } from '../../domain/channel/channel.entity';
import { Message } from '../../domain/message/message.entity';
import { ReadReceiptRange } from '../../domain/read/read-receipt';
import { UserProfile } from '../../domain/user/user-profile';
import { UserChannelState } from './read-state-repository.port';

/**
 * Reads a tenant's data for an export, in bounded memory: every method yields from a cursor (or
 * from pages read one at a time), never a whole collection at once, and stops reading when the
 * caller stops iterating. Each read is an equality filter (FerretDB v1 pushes only those down to its
 * storage) and, when ordered, ordered by an index. Not a snapshot: what changes while an export runs
 * may or may not be in it.
 */
export interface TenantDataReader {
  /** Every channel of the tenant, with its participants, in no particular order. */
  channels(): AsyncIterable<Channel>;

  /** The channels the user participates in, in no particular order. */
  channelsOf(userId: string): AsyncIterable<Channel>;

  /** The channel's messages up to its last recorded seq, tombstones included, in seq order. */
  messagesOf(channel: Channel): AsyncIterable<Message>;

  /** Every message the user sent (in any channel, also those they left), in no particular order. */
  messagesBy(userId: string): AsyncIterable<Message>;

  /** The membership rows (read pointer, mute) of the channel. */
  readStatesOf(channelId: string): AsyncIterable<UserChannelState>;

  /** The read receipt ranges of the channel, every reader's. */
  receiptsOf(channelId: string): AsyncIterable<ReadReceiptRange>;

  /** The user's read receipt ranges, in every channel. */
  receiptsBy(userId: string): AsyncIterable<ReadReceiptRange>;

  /** Every stored user profile. */
  profiles(): AsyncIterable<UserProfile>;
}
