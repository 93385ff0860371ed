import type { Job, Queue, Worker } from 'bullmq';
import { Counter, Gauge, Histogram, register } from 'prom-client';

const STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
const watched = new Set<Queue>();

// Metrics live in prom-client's default registry (served at /metrics). They are created once per
// process: several containers in one process (tests, inline workers) share them.
function metric<T>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}

const depth = () =>
  metric(
    'chat_queue_jobs',
    () =>
      new Gauge({
        name: 'chat_queue_jobs',
        help: 'Jobs per queue and state (waiting, active, delayed, failed), read from Redis at scrape time',
        labelNames: ['queue', 'state'],
        async collect() {
          this.reset();
          for (const queue of watched) {
            const counts = await queue.getJobCounts(...STATES).catch(() => null);
            for (const state of STATES)
              if (counts) this.inc({ queue: queue.name, state }, counts[state] ?? 0);
          }
        },
      }),
  );

const outcomes = () =>
  metric(
    'chat_queue_jobs_processed_total',
    () =>
      new Counter({
        name: 'chat_queue_jobs_processed_total',
        help: 'Jobs processed by this process, per queue and outcome (completed, failed)',
        labelNames: ['queue', 'outcome'],
      }),
  );

const durations = () =>
  metric(
    'chat_queue_job_duration_seconds',
    () =>
      new Histogram({
        name: 'chat_queue_job_duration_seconds',
        help: 'Processing time of a job attempt',
        labelNames: ['queue'],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      }),
  );

const waits = () =>
  metric(
    'chat_queue_job_wait_seconds',
    () =>
      new Histogram({
        name: 'chat_queue_job_wait_seconds',
        help: 'Time from enqueue to the start of processing (queue lag)',
        labelNames: ['queue'],
        buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      }),
  );

/** Queue depths, failures, processing times and lag in prom-client's default registry. */
export class QueueMetrics {
  /** Reports these queues' depths at every scrape, until `unwatch`. */
  watch(queues: Queue[]): void {
    depth();
    for (const q of queues) watched.add(q);
  }

  unwatch(queues: Queue[]): void {
    for (const q of queues) watched.delete(q);
  }

  /** Counts the worker's outcomes and observes its processing times and lag. */
  observe(worker: Worker): void {
    const [processed, duration, wait] = [outcomes(), durations(), waits()];
    const timing = (job: Job) => {
      if (job.processedOn && job.finishedOn)
        duration.observe({ queue: worker.name }, (job.finishedOn - job.processedOn) / 1000);
      if (job.processedOn)
        wait.observe({ queue: worker.name }, Math.max(0, job.processedOn - job.timestamp) / 1000);
    };
    worker.on('completed', (job) => {
      processed.inc({ queue: worker.name, outcome: 'completed' });
      timing(job);
    });
    worker.on('failed', (job) => {
      processed.inc({ queue: worker.name, outcome: 'failed' });
      if (job) timing(job);
    });
  }
}
