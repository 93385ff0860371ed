import { ReadReceiptRange } from '../../domain/read/read-receipt';
import { NotificationPayload } from '../events/chat-event';

/*
 * Jobs for the three queues. Ids are deterministic, derived from what the job does, so a retried
 * request enqueues nothing new (BullMQ ignores an id it already has). Separators are dots: BullMQ
 * refuses custom ids containing ':' (except its own 3-part form), and user ids are opaque, so they
 * are URI-encoded. The JobQueue adapter adds the tenant slug to the id and the data.
 */

export interface ReadReceiptJobData {
  channel_id: string;
  user_id: string;
  from_seq: number;
  to_seq: number;
  to_message_id: number;
  /** ISO 8601: job data travels as JSON. */
  read_at: string;
}

export interface MessageJobData {
  channel_id: string;
  message_id: number;
}

/** One notification to deliver to the tenant's webhook (an offline recipient). */
export interface WebhookJobData {
  user_id: string;
  notification: NotificationPayload;
}

export type Job =
  | { queue: 'read-receipts'; id: string; data: ReadReceiptJobData }
  | { queue: 'unread-counts'; id: string; data: MessageJobData }
  | { queue: 'notifications'; id: string; data: MessageJobData }
  | { queue: 'webhooks'; id: string; data: WebhookJobData };

export type QueueName = Job['queue'];

/** Record one pointer advance as a receipt range. */
export function readReceiptJob(range: ReadReceiptRange): Job {
  const user = encodeURIComponent(range.user_id);
  return {
    queue: 'read-receipts',
    id: `receipt.${range.channel_id}.${user}.${range.to_seq}`,
    data: { ...range, read_at: range.read_at.toISOString() },
  };
}

/** Recompute every participant's unread count after a new message. */
export function unreadCountsJob(channelId: string, messageId: number): Job {
  return {
    queue: 'unread-counts',
    id: `unread.${channelId}.${messageId}`,
    data: { channel_id: channelId, message_id: messageId },
  };
}

/** Notify the participants (not the sender, not those who muted the channel) of a new message. */
export function notificationJob(channelId: string, messageId: number): Job {
  return {
    queue: 'notifications',
    id: `notify.${channelId}.${messageId}`,
    data: { channel_id: channelId, message_id: messageId },
  };
}

export function receiptRangeFromJob(data: ReadReceiptJobData): ReadReceiptRange {
  return { ...data, read_at: new Date(data.read_at) };
}

/** Deliver one notification to the tenant's webhook; one job per (message, recipient). */
export function webhookJob(userId: string, notification: NotificationPayload): Job {
  const user = encodeURIComponent(userId);
  return {
    queue: 'webhooks',
    id: `webhook.${notification.message.id}.${user}`,
    data: { user_id: userId, notification },
  };
}
