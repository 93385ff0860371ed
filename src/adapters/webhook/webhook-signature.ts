import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-chat-signature';
export const TIMESTAMP_HEADER = 'x-chat-timestamp';
export const DELIVERY_HEADER = 'x-chat-delivery';

/**
 * `sha256=<hex>` of HMAC-SHA256(secret, "<timestamp>.<raw body>"). The timestamp is signed with the
 * body, so a receiver that refuses old timestamps refuses replays (the scheme Stripe and Slack use).
 */
export function signWebhook(secret: string, timestamp: number, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

export interface WebhookVerification {
  secret: string;
  signature: string | undefined;
  timestamp: string | undefined;
  rawBody: string;
  /** Seconds a delivery stays acceptable; default 300. */
  toleranceSeconds?: number;
  nowSeconds?: number;
}

/** What a receiver runs: the signature matches and the timestamp is recent. Constant-time compare. */
export function verifyWebhook(v: WebhookVerification): boolean {
  const timestamp = Number(v.timestamp);
  if (!v.signature || !Number.isInteger(timestamp)) return false;
  const now = v.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (v.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(v.secret, timestamp, v.rawBody));
  const given = Buffer.from(v.signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
