/** An item waiting in a batch, with the two ways of answering its caller. */
export interface Waiting<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/** Runs one batch of a key: it answers every item (those it leaves unanswered get an error). */
export type BatchRunner<T, R> = (key: string, batch: Waiting<T, R>[]) => Promise<void>;

/**
 * Group commit per key, in this process: the first item of a key starts a run at once; items of that
 * key that arrive while it runs wait and go together in the next run (at most `maxBatch` at a time),
 * so a busy key pays one run per batch instead of one per item, and an idle one adds no delay.
 * Runs of one key never overlap; runs of different keys do. A run that throws answers its
 * unanswered items with the error (an answered item keeps its answer).
 */
export class KeyedBatches<T, R> {
  private readonly waiting = new Map<string, Waiting<T, R>[]>();

  constructor(
    private readonly maxBatch: number,
    private readonly run: BatchRunner<T, R>,
  ) {}

  add(key: string, item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const entry = { item, resolve, reject };
      const queue = this.waiting.get(key);
      if (queue) {
        queue.push(entry);
        return;
      }
      this.waiting.set(key, [entry]);
      void this.drain(key);
    });
  }

  private async drain(key: string): Promise<void> {
    const queue = this.waiting.get(key)!;
    while (queue.length > 0) {
      const batch = queue.splice(0, this.maxBatch);
      const failure = await this.run(key, batch).then(
        () => new Error(`batch of "${key}" left an item unanswered`),
        (error: unknown) => error,
      );
      // Settling twice is a no-op, so this reaches only the items the run did not answer.
      for (const entry of batch) entry.reject(failure);
    }
    this.waiting.delete(key);
  }
}
