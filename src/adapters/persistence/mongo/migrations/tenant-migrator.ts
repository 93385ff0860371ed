import type { Connection } from 'mongoose';
import type { Logger } from '../../../logging/logger';
import type { RedisKeyedMutex } from '../../../redis/redis-keyed-mutex';
import { TenantLocks, tenantNamespace } from '../tenant-locks';
import { tenantModels } from '../tenant-models';
import type { Migration } from './migration';
import { MIGRATIONS } from './tenant-migrations';

export interface TenantMigratorDeps {
  /** The process's mutex, for the per-document locks the steps take (the repositories' mutex). */
  mutex: RedisKeyedMutex;
  /** The deployment's REDIS_KEY_PREFIX. */
  keyPrefix: string;
  log: Logger;
}

/**
 * Runs the migration steps a tenant database has not recorded yet, in order, and records each one
 * as it completes (collection `migrations`, one row per step). An interrupted run leaves its step
 * unrecorded, so the next run starts that step again (steps are idempotent); a failing step stops
 * the run and the error propagates (the tenant is not served in a layout the code cannot read).
 */
export class TenantMigrator {
  constructor(
    private readonly deps: TenantMigratorDeps,
    private readonly steps: readonly Migration[] = MIGRATIONS,
  ) {}

  /** Returns the ids of the steps that ran. */
  async migrate(db: Connection): Promise<string[]> {
    const models = tenantModels(db);
    const done = new Set((await models.migrations.find({}, { _id: 1 }).lean()).map((r) => r._id));
    // The repositories' namespace: a step and a live write on the same document exclude each other.
    const locks = new TenantLocks(this.deps.mutex, tenantNamespace(this.deps.keyPrefix, db.name));
    const ran: string[] = [];
    for (const step of this.steps.filter((s) => !done.has(s.id))) {
      const log = this.deps.log.child({ database: db.name, migration: step.id });
      const started = Date.now();
      log.info({ description: step.description }, 'migration started');
      await step.run({ models, locks, log });
      await models.migrations.updateOne(
        { _id: step.id },
        { $set: { completed_at: new Date() } },
        { upsert: true },
      );
      log.info({ ms: Date.now() - started }, 'migration completed');
      ran.push(step.id);
    }
    return ran;
  }
}
