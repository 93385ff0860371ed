import { fork, type ChildProcess } from 'node:child_process';
import type { ReceiverReport } from './receiver';

/** A receiver child process (receiver.ts): ready once its clients are connected, then one report. */
export class Receivers {
  private tail = '';
  readonly report: Promise<ReceiverReport>;

  private constructor(private readonly child: ChildProcess) {
    const keep = (d: Buffer) => (this.tail = (this.tail + d.toString()).slice(-4_000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.report = new Promise((resolve, reject) => {
      child.on('message', (m: { report?: ReceiverReport }) => m.report && resolve(m.report));
      child.once('exit', (code) => reject(new Error(`receiver exited with ${code}:\n${this.tail}`)));
    });
    this.report.catch(() => undefined);
  }

  /** Forks a receiver; resolves once its clients are connected. */
  static async start(args: string[], env: Record<string, string>): Promise<Receivers> {
    const child = fork(require.resolve('./receiver.ts'), args, {
      execArgv: ['--require', 'tsx/cjs'],
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const receivers = new Receivers(child);
    await new Promise<void>((resolve, reject) => {
      child.on('message', (m: { ready?: boolean }) => m.ready && resolve());
      child.once('exit', (code) => reject(new Error(`receiver exited with ${code}:\n${receivers.tail}`)));
    });
    return receivers;
  }

  stop(): void {
    if (this.child.exitCode === null) this.child.send('stop');
  }
}
