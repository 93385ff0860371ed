/**
 * Which notifications were sent, one record per (message, recipient) behind a unique key, so that a
 * retried or duplicated notifications job never notifies anyone twice.
 */
export interface NotificationLog {
  /**
   * Records the notification of `messageId` to each of `userIds` as sent, in one step, and returns
   * the users claimed by this call (the others were claimed before).
   */
  claimAll(messageId: number, userIds: readonly string[]): Promise<Set<string>>;
}
