import { fork, type ChildProcess } from 'node:child_process';

/** A child process started by the bench (bench/hot-paths/processes/*.ts), ready once it says so over IPC. */
export class Child {
  /** The end of its output: enough to explain a failure. */
  private tail = '';
  port = 0;

  private constructor(
    private readonly process: ChildProcess,
    readonly name: string,
  ) {
    const keep = (d: Buffer) => (this.tail = (this.tail + d.toString()).slice(-4_000));
    process.stdout?.on('data', keep);
    process.stderr?.on('data', keep);
  }

  /** Forks `script` (a .ts file, run through tsx) with `args` and `env`; resolves once it is ready. */
  static async start(
    script: string,
    args: string[],
    env: Record<string, string>,
    timeoutMs = 60_000,
  ): Promise<Child> {
    const child = new Child(
      fork(script, args, {
        execArgv: ['--require', 'tsx/cjs', ...profiling()],
        env: { PATH: process.env.PATH, ...env },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      }),
      `${script} ${args.join(' ')}`,
    );
    child.port = await child.ready(timeoutMs);
    return child;
  }

  private ready(timeoutMs: number): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const fail = (why: string) => reject(new Error(`${this.name} ${why}:\n${this.tail}`));
      const timer = setTimeout(() => fail(`not ready after ${timeoutMs} ms`), timeoutMs);
      this.process.once('message', (m: { ready?: boolean; port?: number }) => {
        clearTimeout(timer);
        if (m.ready) resolve(m.port ?? 0);
      });
      this.process.once('exit', (code) => {
        clearTimeout(timer);
        fail(`exited with ${code}`);
      });
    });
  }

  get log(): string {
    return this.tail;
  }

  /** Asks it to stop (gracefully); kills it if it has not exited after `timeoutMs`. */
  async stop(timeoutMs = 15_000): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.process.send('stop');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }
}

/** With BENCH_PROFILE_DIR set, each child writes a V8 CPU profile there when it exits. */
function profiling(): string[] {
  const dir = process.env.BENCH_PROFILE_DIR;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}
