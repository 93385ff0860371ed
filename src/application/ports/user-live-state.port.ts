/**
 * What the real-time layer holds about a user outside the database: their live connections,
 * presence (online count, status, last seen, per-channel presence) and unread badge.
 */
export interface UserLiveState {
  /**
   * Closes every socket of the user on every API node and deletes their presence and badge, so
   * that nothing of them is left in Redis; connections closing afterwards leave no trace either.
   * Idempotent.
   */
  forget(userId: string): Promise<void>;
}
