import { MessageNotStoredYetError } from '../application/messaging/complete-send.use-case';
import type { NewMessageJobData } from '../application/jobs/jobs';
import { KeyedBatches } from '../adapters/batching/keyed-batches';
import type { TenantContext } from '../adapters/tenancy/tenant-context';
import type { TenantJobHandler } from './tenant-job';

/** Most follow-ups completed together; the queue's concurrency is at least this (workers.module). */
export const FOLLOW_UP_BATCH = 64;

interface FollowUp {
  context: TenantContext;
  data: NewMessageJobData;
}

/**
 * `unread-counts`: a new message's follow-up (sender's pointer, unread counts and badges,
 * notifications job). The follow-ups of one channel that this process runs at the same time are
 * completed together (CompleteSend.executeAll): a busy channel reads its channel document and its
 * membership rows once per batch rather than once per message. Each job still succeeds or fails on
 * its own: a message not stored yet fails only its job, which BullMQ retries.
 */
export function unreadCountsHandler(): TenantJobHandler<NewMessageJobData> {
  const batches = new KeyedBatches<FollowUp, void>(FOLLOW_UP_BATCH, async (_key, batch) => {
    const { context } = batch[0].item;
    const unstored = new Set(await context.useCases.completeSend.executeAll(batch.map((w) => w.item.data)));
    for (const { item, resolve, reject } of batch) {
      if (unstored.has(item.data))
        reject(new MessageNotStoredYetError(item.data.channel_id, item.data.message_id));
      else resolve();
    }
  });
  return (context, data) => batches.add(`${context.tenant.slug}\u0000${data.channel_id}`, { context, data });
}
