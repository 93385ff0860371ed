import type { Model } from 'mongoose';
import type { MessageSearch, MessageSearchQuery } from '../../../application/ports/message-search.port';
import { searchTerms } from '../../../domain/message/search-terms';
import { isDuplicateKey } from './mongo-errors';
import {
  SEARCH_BUCKET,
  type SearchBucketMarker,
  type SearchTermDocument,
} from './schemas/search-term.schema';

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

/** Markers a process remembers having written before it forgets them all (and writes them again). */
const MAX_REMEMBERED_MARKERS = 100_000;

/** Buckets read in parallel per round. */
const BUCKETS_AT_ONCE = 4;

/**
 * The message search index on one tenant database: one document per (word, message), and a marker
 * per (word, bucket of message ids) the word occurs in. It runs the same on MongoDB and FerretDB:
 * every read is a top-level equality (FerretDB pushes it down to PostgreSQL; its GIN companion index
 * serves it): each word's markers first, which name the buckets where every word occurs, then the
 * words' postings in those buckets, newest first, a few buckets at a time, until a page is full; the
 * intersection of the words, the channel, sender and date filters and the order are applied here,
 * on one bucket's postings.
 */
export class MongoMessageSearch implements MessageSearch {
  /** The (word, bucket) markers this process wrote or found written. */
  private readonly marked = new Set<string>();

  constructor(private readonly terms: Model<SearchTermDocument>) {}

  /**
   * Adds the words of stored messages (tombstones have none), and the markers of the (word, bucket)
   * pairs this process has not written yet, in one insertMany. Indexing a message again is harmless.
   */
  async index(messages: readonly IndexedMessage[]): Promise<void> {
    const postings = messages
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
    const markers = this.newMarkers(postings);
    const docs = [...postings, ...markers];
    if (docs.length === 0) return;
    await this.terms.insertMany(docs, { ordered: false, lean: true }).catch((error: unknown) => {
      // Words already indexed (a retried turn, a marker another process wrote): the others were inserted all the same.
      if (!isDuplicateKey(error)) throw error;
    });
    for (const marker of markers) this.marked.add(marker._id);
  }

  /** Markers of the postings' (word, bucket) pairs not written by this process yet. */
  private newMarkers(postings: ReadonlyArray<{ t: string; b: number }>): SearchBucketMarker[] {
    if (this.marked.size > MAX_REMEMBERED_MARKERS) this.marked.clear();
    const fresh = new Map<string, SearchBucketMarker>();
    for (const { t, b } of postings) {
      const _id = `${t} b${b}`;
      if (!this.marked.has(_id)) fresh.set(_id, { _id, w: t, b });
    }
    return [...fresh.values()];
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
    const buckets = await this.bucketsWithEvery(
      query.terms,
      Math.floor((query.beforeId - 1) / SEARCH_BUCKET),
    );
    for (let i = 0; i < buckets.length; i += BUCKETS_AT_ONCE) {
      const round = buckets.slice(i, i + BUCKETS_AT_ONCE);
      const ids = await Promise.all(round.map((b) => this.bucket(query.terms, b, matches)));
      for (const list of ids) found.push(...list);
      if (found.length >= query.limit) break;
    }
    return found.slice(0, query.limit);
  }

  /**
   * The buckets up to `top` in which every term occurs, newest first: one read of each term's
   * markers (a few per word: one per bucket of ids it was ever used in), so a search visits only
   * buckets that may hold a match, and one that finds nothing costs a read per word.
   */
  private async bucketsWithEvery(terms: readonly string[], top: number): Promise<number[]> {
    const lists = await Promise.all(
      terms.map((w) => this.terms.find({ w }, { _id: 0, b: 1 }).lean<Array<{ b: number }>>()),
    );
    const [first, ...others] = lists.map((list) => new Set(list.map((marker) => marker.b)));
    return [...first].filter((b) => b <= top && others.every((set) => set.has(b))).sort((x, y) => y - x);
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
