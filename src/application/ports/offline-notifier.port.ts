import { NotificationPayload } from '../events/chat-event';

/**
 * Reaches a recipient who has no live connection, outside the sockets: the tenant's webhook when
 * it has one (nothing otherwise). Durable: resolves once the delivery is queued, and is idempotent
 * per (message, recipient).
 */
export interface OfflineNotifier {
  notify(userId: string, notification: NotificationPayload): Promise<void>;
}
