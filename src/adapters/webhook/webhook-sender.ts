import { DELIVERY_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './webhook-signature';

export interface WebhookTarget {
  url: string;
  secret: string;
}

/** The receiver refused the delivery for good (a 4xx other than 408 and 429): retrying cannot help. */
export class WebhookRejectedError extends Error {
  constructor(readonly status: number) {
    super(`webhook receiver answered ${status}`);
    this.name = 'WebhookRejectedError';
  }
}

/** The delivery may succeed later (network error, timeout, 5xx, 408, 429). */
export class WebhookUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookUnavailableError';
  }
}

/** POSTs one signed JSON delivery, and says whether it was taken (2xx), refused or may be retried. */
export class WebhookSender {
  constructor(private readonly timeoutMs: number) {}

  async send(target: WebhookTarget, deliveryId: string, body: unknown): Promise<void> {
    const raw = JSON.stringify(body);
    const timestamp = Math.floor(Date.now() / 1000);
    let status: number;
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'chat-backend-webhooks',
          [SIGNATURE_HEADER]: signWebhook(target.secret, timestamp, raw),
          [TIMESTAMP_HEADER]: String(timestamp),
          [DELIVERY_HEADER]: deliveryId,
        },
        body: raw,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = response.status;
      await response.body?.cancel();
    } catch (error) {
      throw new WebhookUnavailableError(`webhook unreachable: ${(error as Error).message}`);
    }
    if (status >= 200 && status < 300) return;
    if (status >= 400 && status < 500 && status !== 408 && status !== 429)
      throw new WebhookRejectedError(status);
    throw new WebhookUnavailableError(`webhook receiver answered ${status}`);
  }
}
