import type { MessageJobData } from '../application/jobs/jobs';
import type { TenantJobHandler } from './tenant-job';

/** `unread-counts`: recomputes the channel's unread counts from positions and pushes unread.update. */
export const unreadCountsHandler: TenantJobHandler<MessageJobData> = async ({ useCases }, data) => {
  await useCases.refreshUnreadCounts.execute(data);
};
