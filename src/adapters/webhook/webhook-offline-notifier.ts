import type { NotificationPayload } from '../../application/events/chat-event';
import { webhookJob } from '../../application/jobs/jobs';
import type { JobQueue } from '../../application/ports/job-queue.port';
import type { OfflineNotifier } from '../../application/ports/offline-notifier.port';
import type { TenantDirectory } from '../../application/ports/tenant-directory.port';

/**
 * Offline recipients reach the tenant's webhook through the `webhooks` queue (one job per
 * message and recipient, retried with back-off). A tenant without a webhook gets no job. The
 * directory is asked each time (it caches for a few seconds), so a webhook set by the admin API
 * takes effect without a restart.
 */
export class WebhookOfflineNotifier implements OfflineNotifier {
  constructor(
    private readonly directory: TenantDirectory,
    private readonly tenant: string,
    private readonly jobs: JobQueue,
  ) {}

  async notify(userId: string, notification: NotificationPayload): Promise<void> {
    const tenant = await this.directory.find(this.tenant);
    if (!tenant?.webhook_url) return;
    await this.jobs.enqueue(webhookJob(userId, notification));
  }
}
