import { ChatEvent } from '../../../src/application/events/chat-event';
import { Job } from '../../../src/application/jobs/jobs';
import { EventPublisher } from '../../../src/application/ports/event-publisher.port';
import { JobQueue } from '../../../src/application/ports/job-queue.port';

/** Keeps what was published, in order: what sockets would have received. */
export class InMemoryEventPublisher implements EventPublisher {
  readonly published: ChatEvent[] = [];

  async publish(event: ChatEvent): Promise<void> {
    this.published.push(structuredClone(event));
  }

  ofType<T extends ChatEvent['type']>(type: T): Array<Extract<ChatEvent, { type: T }>> {
    return this.published.filter((e): e is Extract<ChatEvent, { type: T }> => e.type === type);
  }

  /** Forgets what was published so far (a test's "given" part). */
  clear(): void {
    this.published.length = 0;
  }
}

/** A queue that, like BullMQ, ignores a job whose id it already holds. */
export class InMemoryJobQueue implements JobQueue {
  readonly jobs: Job[] = [];
  /** While true, enqueue fails, as BullMQ does while Redis is unreachable. */
  down = false;

  async enqueue(job: Job): Promise<void> {
    if (this.down) throw new Error('queue unreachable');
    if (!this.jobs.some((j) => j.id === job.id)) this.jobs.push(structuredClone(job));
  }

  /** Held jobs are not modelled: a test drains the queue when it chooses to. */
  async release(): Promise<void> {}

  async discard(job: Job): Promise<void> {
    const index = this.jobs.findIndex((j) => j.id === job.id);
    if (index >= 0) this.jobs.splice(index, 1);
  }

  inQueue<Q extends Job['queue']>(queue: Q): Array<Extract<Job, { queue: Q }>> {
    return this.jobs.filter((j): j is Extract<Job, { queue: Q }> => j.queue === queue);
  }

  /** Removes and returns the jobs of a queue, as a worker would take them. */
  drain<Q extends Job['queue']>(queue: Q): Array<Extract<Job, { queue: Q }>> {
    const taken = this.inQueue(queue);
    for (const job of taken) this.jobs.splice(this.jobs.indexOf(job), 1);
    return taken;
  }
}
