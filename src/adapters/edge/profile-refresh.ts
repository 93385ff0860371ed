import type { UpsertUserProfile } from '../../application/users/upsert-user-profile.use-case';
import type { AuthenticatedUser } from './jwt-authenticator';

const DEFAULT_CAPACITY = 10_000;
/**
 * Profile writes in flight at once, the rest wait their turn: a burst of first connections (a node
 * restart, 1,500 sockets) must not take the whole MongoDB pool (and, on FerretDB v1, hold its
 * PostgreSQL connections, whose exhaustion hangs it) away from the requests.
 */
const DEFAULT_WRITERS = 4;

/**
 * Refreshes a user's profile (name, user_type) from their token claims, without a database write
 * per request: it writes only when the claims differ from what this process last wrote for that
 * tenant and user. The memory is a bounded LRU, so a process with many users forgets the
 * least recently seen ones and writes their profile again on their next request. Refreshes of the
 * same claims that arrive together (a client opening its chat, typing and presence sockets at once)
 * share one write.
 */
export class ProfileRefresh {
  private readonly written = new Map<string, string>();
  private readonly writing = new Map<string, Promise<void>>();
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly capacity = DEFAULT_CAPACITY,
    private readonly writers = DEFAULT_WRITERS,
  ) {}

  /** Resolves once the profile is stored (at once when the claims did not change). */
  async refresh(tenant: string, user: AuthenticatedUser, upsert: UpsertUserProfile): Promise<void> {
    const key = `${tenant}\n${user.userId}`;
    const claims = JSON.stringify([user.name, user.userType]);
    if (this.written.get(key) === claims) {
      this.touch(key, claims);
      return;
    }
    const inFlight = `${key}\n${claims}`;
    let write = this.writing.get(inFlight);
    if (!write) {
      write = this.inTurn(() =>
        upsert.execute({ user_id: user.userId, name: user.name, user_type: user.userType }),
      )
        .then(() => this.touch(key, claims))
        .finally(() => this.writing.delete(inFlight));
      this.writing.set(inFlight, write);
    }
    await write;
  }

  /** Resolves once every write asked for so far has finished (or failed). */
  async settled(): Promise<void> {
    while (this.writing.size > 0) await Promise.allSettled([...this.writing.values()]);
  }

  private async inTurn<T>(write: () => Promise<T>): Promise<T> {
    if (this.active >= this.writers) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await write();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }

  /** A Map iterates in insertion order: re-inserting marks the entry as the most recent. */
  private touch(key: string, claims: string): void {
    this.written.delete(key);
    this.written.set(key, claims);
    if (this.written.size > this.capacity) this.written.delete(this.written.keys().next().value!);
  }
}
