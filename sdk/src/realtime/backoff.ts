/** Delays between retries: `min × 2^attempt`, capped at `max`, with up to half of it random. */
export interface BackoffOptions {
  /** First delay in ms (default 500). */
  min?: number;
  /** Longest delay in ms (default 10,000). */
  max?: number;
}

/** Exponential backoff with jitter, so a thousand clients that lost the server do not return at once. */
export class Backoff {
  private attempt = 0;
  private readonly min: number;
  private readonly max: number;

  constructor(options: BackoffOptions = {}) {
    this.min = options.min ?? 500;
    this.max = options.max ?? 10_000;
  }

  /** The delay before the next retry (each call doubles it). */
  next(): number {
    const base = Math.min(this.max, this.min * 2 ** this.attempt);
    this.attempt += 1;
    return base / 2 + (Math.random() * base) / 2;
  }

  /** Back to the first delay (after a success). */
  reset(): void {
    this.attempt = 0;
  }
}
