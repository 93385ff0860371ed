import type { NotificationPayload } from '../../../src/application/events/chat-event';
import type { NotificationLog } from '../../../src/application/ports/notification-log.port';
import type { OfflineNotifier } from '../../../src/application/ports/offline-notifier.port';
import type { PresenceReader } from '../../../src/application/ports/presence-reader.port';
import type { PendingSend, SendOutbox } from '../../../src/application/ports/send-outbox.port';

/** A unique set of (message, recipient), like the Redis one. */
export class InMemoryNotificationLog implements NotificationLog {
  private readonly sent = new Set<string>();

  async claimAll(messageId: number, userIds: readonly string[]): Promise<Set<string>> {
    const claimed = new Set<string>();
    for (const userId of userIds) {
      const key = JSON.stringify([messageId, userId]);
      if (!this.sent.has(key)) claimed.add(userId);
      this.sent.add(key);
    }
    return claimed;
  }
}

/** Everyone is online, until a test says who is. */
export class InMemoryPresence implements PresenceReader {
  private online: readonly string[] | null = null;

  /** From now on, exactly these users are online. */
  onlyOnline(userIds: readonly string[]): void {
    this.online = [...userIds];
  }

  async onlineAmong(userIds: readonly string[]): Promise<Set<string>> {
    const online = this.online;
    return new Set(online ? userIds.filter((u) => online.includes(u)) : userIds);
  }
}

/** Keeps one delivery per (message, recipient), as the webhooks queue's job ids do. */
export class InMemoryOfflineNotifier implements OfflineNotifier {
  readonly deliveries = new Map<string, NotificationPayload>();

  async notify(userId: string, notification: NotificationPayload): Promise<void> {
    this.deliveries.set(`${notification.message.id}/${userId}`, notification);
  }
}

export class InMemorySendOutbox implements SendOutbox {
  readonly entries = new Map<string, PendingSend>();
  private next = 0;

  async open(send: Omit<PendingSend, 'token'>): Promise<string> {
    const token = `send-${(this.next += 1)}`;
    this.entries.set(token, { ...send, token });
    return token;
  }

  async close(token: string): Promise<void> {
    this.entries.delete(token);
  }

  async openedBefore(cutoff: Date, limit: number): Promise<PendingSend[]> {
    return [...this.entries.values()].filter((e) => e.created_at < cutoff).slice(0, limit);
  }
}
