import type { MessagePageQuery } from '../../../application/ports/message-repository.port';
import { blockOf, blocksBetween } from './schemas/message-blocks';
import type { MessageDocument } from './schemas/message.schema';

/*
 * The arithmetic of a history page, and the block reads it needs. A channel's seqs are gapless
 * (1 … lastSeq), so the seqs a page holds follow from the query and lastSeq alone, and so do
 * has_more_before/after: no query needs to ask "is there anything further".
 */

/** Inclusive seq bounds; empty when from > to. */
export interface SeqWindow {
  from: number;
  to: number;
}

/** The seqs of a channel page: the first `limit` after afterSeq, else the last `limit` before beforeSeq. */
export function historyWindow(lastSeq: number, query: MessagePageQuery): SeqWindow {
  const upper = Math.min(query.beforeSeq ?? Infinity, lastSeq + 1); // exclusive
  if (query.afterSeq !== undefined) {
    const from = query.afterSeq + 1;
    return { from, to: Math.min(upper - 1, from + query.limit - 1) };
  }
  return { from: Math.max(1, upper - query.limit), to: upper - 1 };
}

/** The first and last seq of a page; an empty page sits just after afterSeq or just before beforeSeq. */
export function pageEdges(seqs: readonly number[], query: MessagePageQuery): SeqWindow {
  const fromStart = query.afterSeq !== undefined;
  const before = query.beforeSeq ?? Infinity;
  return {
    from: seqs[0] ?? (fromStart ? query.afterSeq! + 1 : before),
    to: seqs.at(-1) ?? (fromStart ? query.afterSeq! : before - 1),
  };
}

/** has_more_* of a channel page: does 1 … lastSeq reach beyond the page's edges. */
export function historyFlags(lastSeq: number, seqs: readonly number[], query: MessagePageQuery) {
  const edges = pageEdges(seqs, query);
  return {
    has_more_before: lastSeq >= 1 && edges.from > 1,
    has_more_after: lastSeq >= 1 && lastSeq > edges.to,
  };
}

/** A page cut from every matching seq (a thread's replies), ascending; flags as for the channel. */
export function pageOfSeqs(all: readonly number[], query: MessagePageQuery) {
  const inBounds = all.filter(
    (seq) => seq > (query.afterSeq ?? -Infinity) && seq < (query.beforeSeq ?? Infinity),
  );
  const picked = query.afterSeq !== undefined ? inBounds.slice(0, query.limit) : inBounds.slice(-query.limit);
  const edges = pageEdges(picked, query);
  return {
    picked,
    has_more_before: all.some((seq) => seq < edges.from),
    has_more_after: all.some((seq) => seq > edges.to),
  };
}

/**
 * The channel's last seq: the counter's, plus the messages stored just past it by an append that
 * died before writing the counter (the outbox sweeper looks for exactly those). Only a page that
 * reaches the end of the history looks; it reads that tail block along with its own blocks.
 */
export async function lastStoredSeq(counted: number, query: MessagePageQuery, blocks: BlockReader) {
  const window = historyWindow(counted, query);
  if (window.to < counted) return counted;
  const [tail] = await Promise.all([blocks.block(blockOf(counted + 1)), blocks.window(window)]);
  const stored = new Set(tail.map((doc) => doc.seq));
  let last = counted;
  while (stored.has(last + 1)) last += 1;
  return last;
}

/** One `{channel_id, block}` equality query per block, each read at most once per page. */
export class BlockReader {
  private readonly loaded = new Map<number, Promise<MessageDocument[]>>();

  constructor(private readonly load: (block: number) => Promise<MessageDocument[]>) {}

  block(block: number): Promise<MessageDocument[]> {
    if (!this.loaded.has(block)) this.loaded.set(block, this.load(block));
    return this.loaded.get(block)!;
  }

  /** The window's messages, ascending (two blocks at most for a window of 100 seqs). */
  async window(window: SeqWindow): Promise<MessageDocument[]> {
    const blocks = await Promise.all(blocksBetween(window.from, window.to).map((b) => this.block(b)));
    return blocks
      .flat()
      .filter((doc) => doc.seq >= window.from && doc.seq <= window.to)
      .sort(bySeq);
  }
}

function bySeq(a: MessageDocument, b: MessageDocument): number {
  return a.seq - b.seq;
}
