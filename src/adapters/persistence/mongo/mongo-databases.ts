import { createHash } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import type { Logger } from '../../logging/logger';

// Mongoose buffers commands while disconnected and the request hangs; we want a fast 503 instead.
mongoose.set('bufferCommands', false);
mongoose.set('autoCreate', false);
mongoose.set('strictQuery', true);

/** The server of MONGO_URL: it holds the control database, and the tenants placed nowhere else. */
export const DEFAULT_SERVER = 'default';

export interface MongoOptions {
  url: string;
  /** Database servers besides `url` (MONGO_SERVERS): name → URL. */
  servers?: Record<string, string>;
  dbPrefix: string;
  /** How long an operation waits for a reachable server before failing (the 503 path). */
  timeoutMs: number;
  /** The driver's maxPoolSize per server: at most this many operations in flight (MONGO_POOL_SIZE, README). */
  poolSize: number;
}

/**
 * One MongoDB client per database server for the process, the control database (tenant registry,
 * on the default server) and one cached handle per tenant database (`useDb` shares its server's pool).
 *
 * If a server is unreachable at start the process still starts (its tenants get 503 and, for the
 * default server, /ready says why) and keeps retrying in the background until the first connection
 * succeeds; after that the driver itself reconnects. A server that goes down affects only the
 * tenants placed on it.
 */
export class MongoDatabases {
  /** The default server's connection (MONGO_URL). */
  readonly connection: Connection;
  private readonly servers = new Map<string, ServerConnection>();

  constructor(
    private readonly options: MongoOptions,
    logger: Logger,
  ) {
    const urls = { [DEFAULT_SERVER]: options.url, ...options.servers };
    for (const [name, url] of Object.entries(urls)) {
      this.servers.set(name, new ServerConnection(name, url, options, logger.child({ mongoServer: name })));
    }
    this.connection = this.server(DEFAULT_SERVER).connection;
  }

  /** The configured servers' names, `default` first. */
  get serverNames(): string[] {
    return [...this.servers.keys()];
  }

  async connect(): Promise<void> {
    await Promise.all([...this.servers.values()].map((server) => server.connect()));
  }

  get isConnected(): boolean {
    return this.server(DEFAULT_SERVER).isConnected;
  }

  control(): Connection {
    return this.connection.useDb(`${this.options.dbPrefix}control`, { useCache: true });
  }

  /** A tenant's database on the server the registry placed it on. */
  tenant(databaseName: string, server = DEFAULT_SERVER): Connection {
    return this.server(server).connection.useDb(databaseName, { useCache: true });
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

  /** Pings the default server (the control database lives there), or the one named. */
  ping(server = DEFAULT_SERVER): Promise<void> {
    return this.server(server).ping();
  }

  async close(): Promise<void> {
    await Promise.all([...this.servers.values()].map((server) => server.close()));
  }

  private server(name: string): ServerConnection {
    const server = this.servers.get(name);
    // The registry names a server this process was not given: its configuration lags the deployment's.
    if (!server) throw new Error(`database server "${name}" is not configured here (MONGO_SERVERS)`);
    return server;
  }
}

/** One database server: its client, connected once with retries in the background. */
class ServerConnection {
  readonly connection: Connection = mongoose.createConnection();
  private retryTimer?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly name: string,
    private readonly url: string,
    private readonly options: MongoOptions,
    private readonly logger: Logger,
  ) {}

  async connect(): Promise<void> {
    try {
      await this.connection.openUri(this.url, {
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

  async ping(): Promise<void> {
    if (!this.isConnected || !this.connection.db) throw new Error(`mongodb ${this.name} not connected`);
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
