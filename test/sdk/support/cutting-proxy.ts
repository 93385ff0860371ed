import { once } from 'node:events';
import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy between SDK clients and an API node that a test takes down (open connections cut,
 * new ones refused, as when the network goes away) and brings back on the same port, and whose
 * replies it can hold: what clients send still reaches the server, what the server answers does
 * not come back (an ack lost with the connection).
 */
export class CuttingProxy {
  private server?: Server;
  private readonly pairs = new Set<{ client: Socket; upstream: Socket }>();
  private holding = false;

  private constructor(
    readonly port: number,
    private readonly target: number,
  ) {}

  /** A proxy to 127.0.0.1:`target`, up. */
  static async start(target: number): Promise<CuttingProxy> {
    const probe = createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    const proxy = new CuttingProxy(port, target);
    await proxy.up();
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    this.holding = false;
    const server = createServer((client) => {
      const upstream = connect(this.target, '127.0.0.1');
      const pair = { client, upstream };
      this.pairs.add(pair);
      for (const s of [client, upstream]) {
        s.on('close', () => (this.pairs.delete(pair), client.destroy(), upstream.destroy()));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    server.listen(this.port, '127.0.0.1');
    await once(server, 'listening');
    this.server = server;
  }

  /** Cuts every open connection and refuses new ones until `up()`. */
  async down(): Promise<void> {
    for (const { client, upstream } of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
    this.pairs.clear();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  /** From now on the server's replies are not passed on (requests still are); `down()` ends it. */
  holdReplies(): void {
    this.holding = true;
    for (const { client, upstream } of this.pairs) upstream.unpipe(client);
  }

  get holdingReplies(): boolean {
    return this.holding;
  }
}
