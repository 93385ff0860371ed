import { flagWebhookJob } from '../../application/jobs/jobs';
import type { JobQueue } from '../../application/ports/job-queue.port';
import type { FlagReporter } from '../../application/ports/message-flags.port';
import type { TenantDirectory } from '../../application/ports/tenant-directory.port';
import type { FlagView } from '../../application/views/moderation.view';

/**
 * Flags reach the tenant's webhook through the `webhooks` queue (one job per flag, id
 * `webhook.flag.<flag id>`, so reporting a flag twice delivers it once); a tenant without a webhook
 * gets no job (its moderators read the admin API's list).
 */
export class WebhookFlagReporter implements FlagReporter {
  constructor(
    private readonly directory: TenantDirectory,
    private readonly tenant: string,
    private readonly jobs: JobQueue,
  ) {}

  async report(flag: FlagView): Promise<void> {
    const tenant = await this.directory.find(this.tenant);
    if (!tenant?.webhook_url) return;
    await this.jobs.enqueue(flagWebhookJob(flag));
  }
}
