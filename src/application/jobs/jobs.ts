import { ReadReceiptRange } from '../../domain/read/read-receipt';
import { NotificationPayload } from '../events/chat-event';
import type { FlagView } from '../views/moderation.view';

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

/** A new message's follow-up (the unread-counts queue). Jobs enqueued before seq and sender were carried lack them. */
export interface NewMessageJobData extends MessageJobData {
  seq?: number;
  user_id?: string;
  /** ISO 8601. */
  sent_at?: string;
}

/** Who to notify of a message; without `recipients` (older jobs) the worker works them out. */
export interface NotificationJobData extends MessageJobData {
  recipients?: string[];
}

/** One notification to deliver to the tenant's webhook (an offline recipient). */
export interface NotificationWebhookData {
  user_id: string;
  notification: NotificationPayload;
}

/** A flagged message to report to the tenant's webhook (its moderators). */
export interface FlagWebhookData {
  flag: FlagView;
}

/** What the `webhooks` queue delivers: a notification, or a flag. */
export type WebhookJobData = NotificationWebhookData | FlagWebhookData;

export type Job =
  | { queue: 'read-receipts'; id: string; data: ReadReceiptJobData }
  | { queue: 'unread-counts'; id: string; data: NewMessageJobData }
  | { queue: 'notifications'; id: string; data: NotificationJobData }
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

/** A new message's follow-up: the sender's pointer, everyone's unread counts, then the notifications job. */
export function unreadCountsJob(message: {
  channel_id: string;
  id: number;
  seq: number;
  user_id: string;
  created_at: Date;
}): Job {
  return {
    queue: 'unread-counts',
    id: `unread.${message.channel_id}.${message.id}`,
    data: {
      channel_id: message.channel_id,
      message_id: message.id,
      seq: message.seq,
      user_id: message.user_id,
      sent_at: message.created_at.toISOString(),
    },
  };
}

/** Notify the recipients (not the sender, not those who muted the channel or read past it) of a message. */
export function notificationJob(channelId: string, messageId: number, recipients?: string[]): Job {
  return {
    queue: 'notifications',
    id: `notify.${channelId}.${messageId}`,
    data: { channel_id: channelId, message_id: messageId, ...(recipients ? { recipients } : {}) },
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

/** Report one flag to the tenant's webhook; one job per flag. */
export function flagWebhookJob(flag: FlagView): Job {
  return { queue: 'webhooks', id: `webhook.flag.${flag.id}`, data: { flag } };
}
