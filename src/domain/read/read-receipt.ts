/**
 * One advance of a user's read pointer: the user read the messages with from_seq < seq <= to_seq
 * at read_at. Receipts are stored as these ranges, so they grow with mark_read calls, not with
 * messages x readers (the trap Rocket.Chat fell into).
 */
export interface ReadReceiptRange {
  user_id: string;
  channel_id: string;
  /** Exclusive: the seq the pointer moved from. */
  from_seq: number;
  /** Inclusive: the seq the pointer moved to. */
  to_seq: number;
  to_message_id: number;
  read_at: Date;
}

export interface Reader {
  user_id: string;
  read_at: Date;
}

export function coversSeq(range: ReadReceiptRange, seq: number): boolean {
  return range.from_seq < seq && seq <= range.to_seq;
}

/** The readers of the message at `seq`: the earliest read_at per user, earliest first. */
export function readersOf(ranges: readonly ReadReceiptRange[], seq: number): Reader[] {
  const earliest = new Map<string, Date>();
  for (const range of ranges) {
    if (!coversSeq(range, seq)) continue;
    const known = earliest.get(range.user_id);
    if (!known || range.read_at < known) earliest.set(range.user_id, range.read_at);
  }
  return [...earliest]
    .map(([user_id, read_at]) => ({ user_id, read_at }))
    .sort((a, b) => a.read_at.getTime() - b.read_at.getTime() || (a.user_id < b.user_id ? -1 : 1));
}
