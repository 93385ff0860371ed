import type { Logger } from '../../../logging/logger';
import type { TenantLocks } from '../tenant-locks';
import type { TenantModels } from '../tenant-models';

/** What a step works with: one tenant database, its locks, and a logger for its progress. */
export interface MigrationContext {
  models: TenantModels;
  /** The same per-document locks the repositories take, so a step and a running process never interleave. */
  locks: TenantLocks;
  log: Logger;
}

/**
 * One step that brings a tenant database written by an earlier layout to the current one.
 * A step must be idempotent and resumable: it may be interrupted at any point and run again from
 * the start (it is recorded as done only once it returns), and it may run while the application
 * serves the tenant from another process, so every document it changes is changed under that
 * document's lock, skipping what is already in the current layout.
 */
export interface Migration {
  /** Stable and unique: steps run in the order of MIGRATIONS and are recorded by id. Never reuse one. */
  id: string;
  description: string;
  run(context: MigrationContext): Promise<void>;
}

/** Logs `done` of `total` every `every` items and at the end. */
export function progressLogger(log: Logger, total: number, every = 500): (done: number) => void {
  return (done) => {
    if (done === total || done % every === 0) log.info({ done, total }, 'migration progress');
  };
}

/**
 * Runs `fn` over `items`, `concurrency` at a time, and reports each completion to `done`. Kept well
 * below the MongoDB pool (and FerretDB's `pool_max_conns`): a migration runs beside live traffic.
 */
export async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<void>,
  done: (count: number) => void = () => undefined,
): Promise<void> {
  let next = 0;
  let finished = 0;
  const lane = async () => {
    while (next < items.length) {
      await fn(items[next++]);
      done(++finished);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}
