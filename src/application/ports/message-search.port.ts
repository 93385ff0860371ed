/** What a search looks for: every term, among some channels, optionally by sender and date. */
export interface MessageSearchQuery {
  /** Normalised words (searchTerms); a message must contain all of them. */
  terms: readonly string[];
  /** The channels to look in (never empty). */
  channelIds: readonly string[];
  /** Only messages of this sender. */
  userId?: string;
  /** Only messages sent at or after / before this time. */
  from?: Date;
  to?: Date;
  /** Keyset: only messages with a smaller id (the first page: above the newest message of the channels). */
  beforeId: number;
  /** At most this many ids. */
  limit: number;
}

/**
 * The index of the words of every live message: kept by the message repository as it stores, edits
 * and deletes (a tombstone is not found).
 */
export interface MessageSearch {
  /** Ids of the messages that match, most recent (highest id) first. */
  find(query: MessageSearchQuery): Promise<number[]>;
}
