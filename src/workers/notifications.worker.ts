import type { NotificationJobData } from '../application/jobs/jobs';
import type { TenantJobHandler } from './tenant-job';

/** `notifications`: notifies the message's recipients (sockets, and the webhook for offline ones). */
export const notificationsHandler: TenantJobHandler<NotificationJobData> = async ({ useCases }, data) => {
  await useCases.notifyParticipants.execute(data);
};
