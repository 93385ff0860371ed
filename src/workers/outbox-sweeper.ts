import type { TenantDirectory } from '../application/ports/tenant-directory.port';
import type { Logger } from '../adapters/logging/logger';
import type { TenantContexts } from '../adapters/tenancy/tenant-context';

export interface OutboxSweeperOptions {
  /** Time between sweeps. */
  intervalMs: number;
  /** A send still open after this long is taken as abandoned (its process died or lost Redis). */
  minAgeMs: number;
  /** Entries per tenant per sweep. */
  batch: number;
}

/**
 * Finishes abandoned sends, tenant by tenant (ResumePendingSends), once at start and then on a
 * timer; sweeps never overlap. Several worker processes may sweep at once: resuming is idempotent
 * (deterministic job ids, only-forward writes), so the worst case is some duplicated work. A
 * tenant that fails is logged and skipped until the next sweep.
 */
export class OutboxSweeper {
  readonly name = 'outbox-sweeper';
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly tenants: TenantDirectory,
    private readonly contexts: TenantContexts,
    private readonly options: OutboxSweeperOptions,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One sweep over every tenant (also what tests and the timer call). */
  async sweep(): Promise<void> {
    const tenants = await this.tenants.list();
    const openedBefore = new Date(Date.now() - this.options.minAgeMs);
    for (const { slug } of tenants) {
      if (this.stopped) return;
      try {
        const context = await this.contexts.forSlug(slug);
        const result = await context.useCases.resumePendingSends.execute({
          openedBefore,
          limit: this.options.batch,
        });
        if (result.closed > 0)
          this.logger.info({ tenant: slug, ...result }, 'outbox: abandoned sends resumed');
      } catch (err) {
        this.logger.warn({ err, tenant: slug }, 'outbox sweep failed for tenant');
      }
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sweep()
        .catch((err) => this.logger.warn({ err }, 'outbox sweep failed'))
        .finally(() => this.schedule(this.options.intervalMs));
    }, delayMs);
    this.timer.unref();
  }
}
