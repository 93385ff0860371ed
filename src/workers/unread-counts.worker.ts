import type { NewMessageJobData } from '../application/jobs/jobs';
import type { TenantJobHandler } from './tenant-job';

/** `unread-counts`: a new message's follow-up (sender's pointer, unread counts and badges, notifications job). */
export const unreadCountsHandler: TenantJobHandler<NewMessageJobData> = async ({ useCases }, data) => {
  await useCases.completeSend.execute(data);
};
