import type { WebhookJobData } from '../application/jobs/jobs';
import type { TenantDirectory } from '../application/ports/tenant-directory.port';
import { WebhookRejectedError, type WebhookSender } from '../adapters/webhook/webhook-sender';
import { unrecoverable } from './job-errors';
import type { TenantJobHandler } from './tenant-job';

/**
 * `webhooks`: POSTs one notification, or one flagged message, to the tenant's webhook, signed with its secret. The body is
 * built from the job's data, so every retry sends the same bytes (with a fresh timestamp and
 * signature) and the same `X-Chat-Delivery` id, which a receiver can use to drop a duplicate. A
 * webhook removed meanwhile drops the delivery; a receiver answering 4xx fails it for good.
 */
export function webhooksHandler(
  directory: TenantDirectory,
  sender: WebhookSender,
): TenantJobHandler<WebhookJobData> {
  return async ({ tenant }, data, log, job) => {
    const current = await directory.find(tenant.slug);
    if (!current?.webhook_url || !current.webhook_secret) {
      log.info('webhook no longer configured; delivery dropped');
      return;
    }
    const deliveryId = String(job.id);
    const body =
      'flag' in data
        ? { id: deliveryId, type: 'message.flagged', tenant: tenant.slug, flag: data.flag }
        : {
            id: deliveryId,
            type: 'notification',
            tenant: tenant.slug,
            user_id: data.user_id,
            notification: data.notification,
          };
    try {
      await sender.send({ url: current.webhook_url, secret: current.webhook_secret }, deliveryId, body);
    } catch (error) {
      if (error instanceof WebhookRejectedError) throw unrecoverable(error.message);
      throw error;
    }
  };
}
