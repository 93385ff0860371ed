/** Counts per key ("find user_channel_states", "evalsha:moveToActive" …), in the order first seen. */
export class Tally {
  private readonly counts = new Map<string, number>();

  add(key: string, n = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
  }

  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  get total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  /** Keys matching `filter` (a prefix or a RegExp) summed. */
  sum(filter: string | RegExp): number {
    let sum = 0;
    for (const [key, n] of this.counts)
      if (typeof filter === 'string' ? key.startsWith(filter) : filter.test(key)) sum += n;
    return sum;
  }

  entries(): Array<[string, number]> {
    return [...this.counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }

  /** A copy, so that a snapshot does not move with later commands. */
  copy(): Tally {
    const copy = new Tally();
    for (const [key, n] of this.counts) copy.add(key, n);
    return copy;
  }

  /** This tally's counts minus `before`'s (for deltas of cumulative counters, e.g. INFO commandstats). */
  minus(before: Tally): Tally {
    const delta = new Tally();
    for (const [key, n] of this.counts) if (n - before.get(key) !== 0) delta.add(key, n - before.get(key));
    return delta;
  }

  clear(): void {
    this.counts.clear();
  }

  /** "12: 5 find user_channel_states, 4 update channels, …" (the `top` largest). */
  toString(top = 6): string {
    const entries = this.entries();
    const shown = entries.slice(0, top).map(([key, n]) => `${n} ${key}`);
    if (entries.length > top) shown.push('…');
    return `${this.total}${shown.length ? `: ${shown.join(', ')}` : ''}`;
  }
}
