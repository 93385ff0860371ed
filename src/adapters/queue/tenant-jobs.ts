import type { JobType, Queue } from 'bullmq';

/** The states a job can wait in; an active job is locked by its worker and fails on its own. */
const WAITING_STATES: JobType[] = [
  'waiting',
  'delayed',
  'paused',
  'prioritized',
  'waiting-children',
  'failed',
  'completed',
];
const PAGE = 500;

/**
 * Removes a tenant's jobs from the queues (its deletion): pages through each state keeping only the
 * matching ids, then removes them, so memory stays bounded by one page. Returns how many it removed.
 */
export async function removeTenantJobs(queues: readonly Queue[], slug: string): Promise<number> {
  let removed = 0;
  for (const queue of queues) {
    const ids: string[] = [];
    for (const state of WAITING_STATES) {
      for (let start = 0; ; start += PAGE) {
        const jobs = await queue.getJobs([state], start, start + PAGE - 1, true);
        for (const job of jobs) {
          if (job?.id && (job.data as { tenant?: unknown } | undefined)?.tenant === slug) ids.push(job.id);
        }
        if (jobs.length < PAGE) break;
      }
    }
    for (const id of ids) {
      // A job that started meanwhile is locked: it fails on its own (its tenant is gone).
      await queue.remove(id).then(
        (count) => (removed += count),
        () => undefined,
      );
    }
  }
  return removed;
}
