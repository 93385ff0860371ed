import type { Model } from 'mongoose';
import type { MessageSearch, MessageSearchQuery } from '../../../application/ports/message-search.port';
import { searchTerms } from '../../../domain/message/search-terms';
import { isDuplicateKey } from './mongo-errors';
import { SEARCH_BUCKET, type SearchTermDocument } from './schemas/search-term.schema';

/** What indexing needs of a message. */
export interface IndexedMessage {
  id: number;
  channel_id: string;
  user_id: string;
  content: string;
  created_at: Date;
  deleted_at: Date | null;
}

type Posting = Pick<SearchTermDocument, 'm' | 'c' | 'u' | 'at'>;

/** Buckets read in parallel per round. */
const BUCKETS_AT_ONCE = 4;

/**
 * The message search index on one tenant database: one document per (word, message). It runs the
 * same on MongoDB and FerretDB: every read is a top-level equality on the word and a bucket of
 * message ids (FerretDB pushes it down to PostgreSQL; its GIN companion index serves it), newest
 * bucket first, a few buckets at a time, until a page is full; the intersection of the words, the
 * channel, sender and date filters and the order are applied here, on one bucket's postings.
 */
export class MongoMessageSearch implements MessageSearch {
  constructor(private readonly terms: Model<SearchTermDocument>) {}

  /** Adds the words of stored messages (tombstones have none). Indexing a message again is harmless. */
  async index(messages: readonly IndexedMessage[]): Promise<void> {
    const docs = messages
      .filter((m) => m.deleted_at === null)
      .flatMap((m) =>
        searchTerms(m.content).map((t) => ({
          _id: `${t} ${m.id}`,
          t,
          m: m.id,
          b: Math.floor(m.id / SEARCH_BUCKET),
          c: m.channel_id,
          u: m.user_id,
          at: m.created_at,
        })),
      );
    if (docs.length === 0) return;
    await this.terms.insertMany(docs, { ordered: false, lean: true }).catch((error: unknown) => {
      // Words already indexed (a retried turn): the others were inserted all the same.
      if (!isDuplicateKey(error)) throw error;
    });
  }

  /** An edit or a deletion: the message's words are replaced (none for a tombstone). */
  async reindex(message: IndexedMessage): Promise<void> {
    await this.terms.deleteMany({ m: message.id });
    await this.index([message]);
  }

  async find(query: MessageSearchQuery): Promise<number[]> {
    const found: number[] = [];
    const channels = new Set(query.channelIds);
    const matches = (p: Posting) =>
      channels.has(p.c) &&
      p.m < query.beforeId &&
      (query.userId === undefined || p.u === query.userId) &&
      (query.from === undefined || p.at >= query.from) &&
      (query.to === undefined || p.at < query.to);
    for (let top = Math.floor((query.beforeId - 1) / SEARCH_BUCKET); top >= 0; top -= BUCKETS_AT_ONCE) {
      const buckets = Array.from({ length: Math.min(BUCKETS_AT_ONCE, top + 1) }, (_, i) => top - i);
      const ids = await Promise.all(buckets.map((b) => this.bucket(query.terms, b, matches)));
      for (const list of ids) found.push(...list);
      if (found.length >= query.limit) break;
    }
    return found.slice(0, query.limit);
  }

  /** The ids in one bucket that have every term and pass `matches`, highest first. */
  private async bucket(
    terms: readonly string[],
    b: number,
    matches: (p: Posting) => boolean,
  ): Promise<number[]> {
    const postings = await Promise.all(
      terms.map((t) => this.terms.find({ t, b }, { _id: 0, m: 1, c: 1, u: 1, at: 1 }).lean<Posting[]>()),
    );
    const [first, ...others] = postings.sort((x, y) => x.length - y.length);
    const inAll = others.map((list) => new Set(list.map((p) => p.m)));
    return first
      .filter((p) => matches(p) && inAll.every((set) => set.has(p.m)))
      .map((p) => p.m)
      .sort((x, y) => y - x);
  }
}
