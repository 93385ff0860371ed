/**
 * Which notifications were sent, one record per (message, recipient) behind a unique key, so that a
 * retried or duplicated notifications job never notifies anyone twice.
 */
export interface NotificationLog {
  /** Records the notification of `messageId` to `userId` as sent: true the first time, false after. */
  claim(messageId: number, userId: string): Promise<boolean>;
}

/** For setups that do not deduplicate (in-memory tests): every claim is the first. */
export const NO_NOTIFICATION_LOG: NotificationLog = { claim: async () => true };
