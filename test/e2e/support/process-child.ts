import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

const ENTRIES = {
  api: { path: require.resolve('../../../src/main/api.ts'), ready: /"api listening"/ },
  worker: { path: require.resolve('../../../src/main/worker.ts'), ready: /"worker started"/ },
};

/**
 * An API or worker process (`npm start` / `npm run worker`'s code) as a child, to be stopped with
 * SIGTERM or killed like a crashed node.
 */
export class ProcessChild {
  private output = '';

  private constructor(readonly process: ChildProcess) {
    process.stdout?.on('data', (d) => (this.output += d));
    process.stderr?.on('data', (d) => (this.output += d));
  }

  /** Spawns it and resolves once it logged that it is ready (bounded). */
  static async start(
    env: Record<string, string>,
    kind: keyof typeof ENTRIES = 'worker',
    timeoutMs = 30_000,
  ): Promise<ProcessChild> {
    const entry = ENTRIES[kind];
    const child = new ProcessChild(
      // `node --require tsx/cjs`, not the tsx CLI: the CLI runs the script in a grandchild that a
      // SIGKILL of the child would leave running.
      spawn(process.execPath, ['--require', 'tsx/cjs', entry.path], {
        env: { PATH: process.env.PATH, ...env, LOG_LEVEL: 'info' },
        stdio: 'pipe',
      }),
    );
    await child.waitFor(entry.ready, timeoutMs);
    return child;
  }

  get log(): string {
    return this.output;
  }

  /** Resolves when the output matches, rejects if the process exits first or the time runs out. */
  async waitFor(pattern: RegExp, timeoutMs: number): Promise<void> {
    if (pattern.test(this.output)) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => done(new Error(`no ${pattern} after ${timeoutMs} ms:\n${this.output}`)),
        timeoutMs,
      );
      const onData = () => pattern.test(this.output) && done();
      const onExit = () => done(new Error(`process exited before ${pattern}:\n${this.output}`));
      const done = (error?: Error) => {
        clearTimeout(timer);
        this.process.stdout?.off('data', onData);
        this.process.stderr?.off('data', onData);
        this.process.off('exit', onExit);
        if (error) reject(error);
        else resolve();
      };
      this.process.stdout?.on('data', onData);
      this.process.stderr?.on('data', onData);
      this.process.once('exit', onExit);
    });
  }

  /** Sends the signal and resolves with the exit code (null when killed by a signal). */
  async kill(signal: NodeJS.Signals): Promise<number | null> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return this.process.exitCode;
    const exited = once(this.process, 'exit');
    this.process.kill(signal);
    const [code] = await exited;
    return code as number | null;
  }
}
