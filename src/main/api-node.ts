import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Container } from 'inversify';
import { Server as SocketServer } from 'socket.io';
import type { Logger } from '../adapters/logging/logger';
import { originGuard } from '../adapters/realtime/origin-guard';
import type { MongoDatabases } from '../adapters/persistence/mongo/mongo-databases';
import type { RedisConnections } from '../adapters/redis/redis-connections';
import type { Config } from './config';
import { stopInReverse, type Lifecycle } from './lifecycle';
import { TOKENS } from './tokens';

/** One API process: Express and Socket.IO on one HTTP server, plus its lifecycles (inline workers). */
export class ApiNode {
  readonly http: HttpServer;
  readonly io: SocketServer;
  private lifecycles: Lifecycle[] = [];
  private readonly logger: Logger;
  private readonly config: Config;

  constructor(readonly container: Container) {
    this.config = container.get<Config>(TOKENS.Config);
    this.logger = container.get<Logger>(TOKENS.Logger);
    this.http = createServer(container.get<Express>(TOKENS.HttpApp));
    this.io = new SocketServer(this.http, {
      cors: { origin: this.config.CORS_ORIGINS.length ? this.config.CORS_ORIGINS : false },
      // WebSocket upgrades escape CORS: browsers from other origins are refused here.
      allowRequest: originGuard(this.config.CORS_ORIGINS),
      // A larger frame closes that client's connection (docs/realtime.md, "Limits").
      maxHttpBufferSize: 64 * 1024,
      serveClient: false,
    });
    container.bind(TOKENS.SocketServer).toConstantValue(this.io);
  }

  async start(port = this.config.PORT, host = this.config.HOST): Promise<void> {
    await Promise.all([
      this.container.get<MongoDatabases>(TOKENS.Mongo).connect(),
      this.container.get<RedisConnections>(TOKENS.Redis).waitUntilReady(this.config.DEPENDENCY_TIMEOUT_MS),
    ]);
    this.lifecycles = this.container.isBound(TOKENS.Lifecycle)
      ? this.container.getAll<Lifecycle>(TOKENS.Lifecycle)
      : [];
    for (const part of this.lifecycles) await part.start();
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(port, host, () => resolve());
    });
    this.logger.info({ port: this.port }, 'api listening');
  }

  get port(): number {
    return (this.http.address() as AddressInfo).port;
  }

  /** Stop accepting, let in-flight requests finish (up to SHUTDOWN_TIMEOUT_MS), close sockets and clients. */
  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.http.close(() => resolve()));
    this.http.closeIdleConnections();
    const force = setTimeout(() => this.http.closeAllConnections(), this.config.SHUTDOWN_TIMEOUT_MS);
    this.io.disconnectSockets(true);
    await new Promise<void>((resolve) => this.io.close(() => resolve()));
    await closed.catch(() => undefined);
    clearTimeout(force);
    await stopInReverse(this.lifecycles, this.logger);
    await this.container.get<RedisConnections>(TOKENS.Redis).close();
    await this.container.get<MongoDatabases>(TOKENS.Mongo).close();
    this.logger.info('api stopped');
  }
}
