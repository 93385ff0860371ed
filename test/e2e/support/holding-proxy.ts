import { once } from 'node:events';
import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy that can hold its traffic (stop forwarding, keep the connections open): a process
 * behind it hangs in the middle of whatever it was doing, which is where a test wants to kill it.
 */
export class HoldingProxy {
  private readonly sockets = new Set<Socket>();
  private readonly server: Server;
  private held = false;

  constructor(target: { host: string; port: number }) {
    this.server = createServer((client) => {
      const upstream = connect(target.port, target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
        if (this.held) s.pause();
      }
      client.pipe(upstream).pipe(client);
    });
  }

  /** Listens on an ephemeral port and returns it. */
  async listen(): Promise<number> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return (this.server.address() as { port: number }).port;
  }

  /** Stops forwarding in both directions; connections stay open. */
  hold(): void {
    this.held = true;
    for (const s of this.sockets) s.pause();
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
