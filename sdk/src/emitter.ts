/** Options of a subscription: `signal` ends it (as `addEventListener` does). */
export interface ListenOptions {
  signal?: AbortSignal;
}

type Listener<T> = (payload: T) => void;

/**
 * A small typed event emitter that runs in browsers and on Node (no `node:events`). `on` returns
 * the function that unsubscribes; `once` is a promise; `stream` is an async iterator that buffers
 * what arrives between two reads, so a slow consumer loses nothing.
 */
export class Emitter<Events extends object> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never>>>();

  /** Calls `listener` on every `event` until the returned function is called or `signal` aborts. */
  on<K extends keyof Events>(
    event: K,
    listener: Listener<Events[K]>,
    options: ListenOptions = {},
  ): () => void {
    if (options.signal?.aborted) return () => undefined;
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    set.add(listener as Listener<never>);
    const off = () => {
      set.delete(listener as Listener<never>);
      options.signal?.removeEventListener('abort', off);
    };
    options.signal?.addEventListener('abort', off, { once: true });
    return off;
  }

  /** Resolves with the next `event` (matching `where`); rejects when `signal` aborts. */
  once<K extends keyof Events>(
    event: K,
    where: (payload: Events[K]) => boolean = () => true,
    options: ListenOptions = {},
  ): Promise<Events[K]> {
    return new Promise((resolve, reject) => {
      if (options.signal?.aborted) return reject(options.signal.reason);
      const onAbort = () => (off(), reject(options.signal?.reason));
      const off = this.on(event, (payload) => {
        if (!where(payload)) return;
        off();
        options.signal?.removeEventListener('abort', onAbort);
        resolve(payload);
      });
      options.signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Every `event` from now on as an async iterator; it ends when `signal` aborts or on `break`. */
  stream<K extends keyof Events>(event: K, options: ListenOptions = {}): AsyncIterableIterator<Events[K]> {
    const buffered: Events[K][] = [];
    let wake: (() => void) | undefined;
    let done = false;
    const finish = () => ((done = true), off(), wake?.());
    const off = this.on(event, (payload) => (buffered.push(payload), wake?.()), options);
    options.signal?.addEventListener('abort', finish, { once: true });
    if (options.signal?.aborted) done = true;
    const iterator: AsyncIterableIterator<Events[K]> = {
      async next() {
        while (buffered.length === 0 && !done) await new Promise<void>((resolve) => (wake = resolve));
        if (buffered.length > 0) return { value: buffered.shift()!, done: false };
        return { value: undefined, done: true };
      },
      async return() {
        finish();
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  /** Calls the listeners of `event`; a listener that throws does not stop the others nor the SDK. */
  protected emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    const set = this.listeners.get(event);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        (listener as Listener<Events[K]>)(payload);
      } catch (error) {
        // Reported as an uncaught error, as EventTarget does, rather than swallowed.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  /** Drops every listener (the emitter is closed). */
  protected removeAllListeners(): void {
    this.listeners.clear();
  }
}
