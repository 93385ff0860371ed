import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

/** The FerretDB that scripts/services.sh builds (and caches) for the main server. */
const FERRETDB_BIN = process.env.FERRETDB_BIN ?? join(homedir(), '.cache/chat-backend/ferretdb-v1.24.2');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(!!socket.end()));
    socket.once('error', () => resolve(false));
  });
}

/**
 * A second database server for placement tests: the same FerretDB binary on its own port with
 * SQLite storage in a temporary directory (PostgreSQL's connections are the main server's). It can be
 * killed (SIGKILL, as a crash) and started again on the same port and data.
 */
export class ExtraFerretDb {
  private process: ChildProcess | undefined;
  private readonly dir = mkdtempSync(join(tmpdir(), 'chat-ferretdb-'));

  private constructor(
    readonly port: number,
    private readonly debugPort: number,
  ) {}

  static async start(): Promise<ExtraFerretDb> {
    const server = new ExtraFerretDb(await freePort(), await freePort());
    await server.restart();
    return server;
  }

  get url(): string {
    return `mongodb://127.0.0.1:${this.port}`;
  }

  /** Starts it (again) on its port and data; resolves once it accepts connections. */
  async restart(): Promise<void> {
    this.process = spawn(
      FERRETDB_BIN,
      [
        `--listen-addr=127.0.0.1:${this.port}`,
        `--debug-addr=127.0.0.1:${this.debugPort}`,
        '--handler=sqlite',
        `--sqlite-url=file:${this.dir}/`,
        `--state-dir=${this.dir}`,
        '--telemetry=disable',
        '--log-level=error',
      ],
      { stdio: 'ignore' },
    );
    const deadline = Date.now() + 15_000;
    while (!(await answers(this.port))) {
      if (this.process.exitCode !== null) throw new Error(`ferretdb exited with ${this.process.exitCode}`);
      if (Date.now() > deadline) throw new Error(`ferretdb did not answer on ${this.port}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Kills it at once, as a crashed server; resolves once the process is gone. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
