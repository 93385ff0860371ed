import { createHash } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import type { Logger } from '../../logging/logger';

// Mongoose buffers commands while disconnected and the request hangs; we want a fast 503 instead.
mongoose.set('bufferCommands', false);
mongoose.set('autoCreate', false);
mongoose.set('strictQuery', true);

export interface MongoOptions {
  url: string;
  dbPrefix: string;
  /** How long an operation waits for a reachable server before failing (the 503 path). */
  timeoutMs: number;
  /** The driver's maxPoolSize: at most this many operations in flight (MONGO_POOL_SIZE, README). */
  poolSize: number;
}

/**
 * One MongoDB client for the process, the control database (tenant registry) and one cached
 * handle per tenant database (`useDb` shares the client's pool).
 *
 * If MongoDB is unreachable at start the process still starts (it answers 503 and /ready says why)
 * and keeps retrying in the background until the first connection succeeds; after that the driver
 * itself reconnects.
 */
export class MongoDatabases {
  readonly connection: Connection = mongoose.createConnection();
  private retryTimer?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly options: MongoOptions,
    private readonly logger: Logger,
  ) {}

  async connect(): Promise<void> {
    try {
      await this.connection.openUri(this.options.url, {
        bufferCommands: false,
        serverSelectionTimeoutMS: this.options.timeoutMs,
        connectTimeoutMS: this.options.timeoutMs,
        maxPoolSize: this.options.poolSize,
      });
      this.logger.info({ dbPrefix: this.options.dbPrefix }, 'mongodb connected');
    } catch (error) {
      this.logger.warn({ err: error }, 'mongodb unreachable; retrying in the background');
      this.scheduleRetry();
    }
  }

  get isConnected(): boolean {
    return this.connection.readyState === mongoose.ConnectionStates.connected;
  }

  control(): Connection {
    return this.connection.useDb(`${this.options.dbPrefix}control`, { useCache: true });
  }

  tenant(databaseName: string): Connection {
    return this.connection.useDb(databaseName, { useCache: true });
  }

  /**
   * The database name for a tenant slug: prefix + slug with `-` as `_` (slugs have no `_`, so this is
   * one-to-one), shortened with a hash when it would pass FerretDB's 63-character limit.
   */
  databaseNameFor(slug: string): string {
    const name = `${this.options.dbPrefix}t_${slug.replace(/-/g, '_')}`;
    if (name.length <= 63) return name;
    const hash = createHash('sha256').update(slug).digest('hex').slice(0, 10);
    return `${name.slice(0, 52)}_${hash}`;
  }

  async ping(): Promise<void> {
    if (!this.isConnected || !this.connection.db) throw new Error('mongodb not connected');
    await this.connection.db.admin().ping({ maxTimeMS: this.options.timeoutMs });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    await this.connection.close(true).catch(() => undefined);
  }

  private scheduleRetry(): void {
    if (this.closed) return;
    this.retryTimer = setTimeout(() => void this.connect(), 2_000);
    this.retryTimer.unref();
  }
}
