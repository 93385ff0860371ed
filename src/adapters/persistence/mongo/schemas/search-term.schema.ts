import { Schema } from 'mongoose';

/** One word of one live message: the message search index (docs/contract.md, "Search"). */
export interface SearchTermDocument {
  /** `<term> <message id>`: indexing a message twice stores its words once. */
  _id: string;
  /** The normalised word (searchTerms). */
  t: string;
  /** The message id, its channel, its sender and when it was sent: what a search filters on. */
  m: number;
  /** floor(m / SEARCH_BUCKET): a search reads a word's postings one bucket of ids at a time. */
  b: number;
  c: string;
  u: string;
  at: Date;
  /** Set on bucket markers only (SearchBucketMarker), never on postings. */
  w?: string;
}

/**
 * Beside the postings, one marker per (word, bucket) the word was used in: what a search reads first,
 * to visit only the buckets where every word of the query occurs. Same collection, so a send turn
 * writes postings and markers in its one insertMany; the word is in `w`, not `t`, so that reading a
 * word's markers never reads its postings (FerretDB would fetch every posting of `t` to test more).
 */
export interface SearchBucketMarker {
  /** `<term> b<bucket>`: the term occurs in that bucket of ids (or did: edits leave markers). */
  _id: string;
  w: string;
  b: number;
}

export const searchTermSchema = new Schema<SearchTermDocument>(
  {
    _id: { type: String, required: true },
    t: { type: String, required: true },
    m: { type: Number, required: true },
    b: { type: Number, required: true },
    c: { type: String, required: true },
    u: { type: String, required: true },
    at: { type: Date, required: true },
    // Bucket markers only (SearchBucketMarker; inserted lean, as postings are): declared so that
    // queries on it are not stripped by Mongoose's strictQuery.
    w: { type: String },
  },
  { collection: 'search_terms', versionKey: false, autoIndex: false, id: false },
);

/** Message ids per bucket of postings. */
export const SEARCH_BUCKET = 5_000;

// A search reads each word's bucket markers by equality on `w`, then a word's postings one bucket at
// a time, newest first, by equality on (t, b) (pushed down to PostgreSQL on FerretDB, where the GIN
// companion index serves it), so a common word costs one bucket, not the whole tenant; an edit or a
// deletion drops a message's words by `m`; a user's erasure drops theirs by `u`.
searchTermSchema.index({ t: 1, b: 1 });
searchTermSchema.index({ w: 1 });
searchTermSchema.index({ m: 1 });
searchTermSchema.index({ u: 1 });
