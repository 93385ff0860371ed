import type { UpsertUserProfile } from '../../application/users/upsert-user-profile.use-case';
import type { AuthenticatedUser } from '../auth/jwt-authenticator';

const DEFAULT_CAPACITY = 10_000;

/**
 * Refreshes a user's profile (name, user_type) from their token claims, without a database write
 * per request: it writes only when the claims differ from what this process last wrote for that
 * tenant and user. The memory is a bounded LRU, so a process with many users forgets the
 * least recently seen ones and writes their profile again on their next request.
 */
export class ProfileRefresh {
  private readonly written = new Map<string, string>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  async refresh(tenant: string, user: AuthenticatedUser, upsert: UpsertUserProfile): Promise<void> {
    const key = `${tenant}\n${user.userId}`;
    const claims = JSON.stringify([user.name, user.userType]);
    if (this.written.get(key) === claims) {
      this.touch(key, claims);
      return;
    }
    await upsert.execute({ user_id: user.userId, name: user.name, user_type: user.userType });
    this.touch(key, claims);
  }

  /** A Map iterates in insertion order: re-inserting marks the entry as the most recent. */
  private touch(key: string, claims: string): void {
    this.written.delete(key);
    this.written.set(key, claims);
    if (this.written.size > this.capacity) this.written.delete(this.written.keys().next().value!);
  }
}
