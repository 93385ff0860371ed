import type { Message, WatchedChannel } from '../../../sdk/src';

/**
 * Records what a watched channel delivers to the application, from the moment it is attached, and
 * lets a test await a count (each delivery wakes the waiters: no polling).
 */
export class Delivered {
  readonly messages: Message[] = [];
  private readonly waiters = new Set<() => void>();

  constructor(readonly channel: WatchedChannel) {
    channel.on('message', (message) => {
      this.messages.push(message);
      for (const wake of [...this.waiters]) wake();
    });
  }

  /** Resolves once `count` messages were delivered; fails after `ms` with what was seen. */
  until(count: number, ms = 60_000): Promise<void> {
    if (this.messages.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`${this.channel.id}: ${this.messages.length} of ${count} messages after ${ms} ms`));
      }, ms);
      const check = () => {
        if (this.messages.length < count) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
    });
  }
}
