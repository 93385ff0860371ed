import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** The parent pid of every process, from /proc (Linux). */
function parents(): Map<number, number> {
  const result = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      result.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended while we listed
    }
  }
  return result;
}

/** Every process below `pid`, children first. */
export function descendants(pid: number): number[] {
  const tree = parents();
  const found: number[] = [];
  let frontier = [pid];
  while (frontier.length) {
    frontier = [...tree].filter(([, parent]) => frontier.includes(parent)).map(([child]) => child);
    found.push(...frontier);
  }
  return found;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * `npm run <script>` as a child, as a developer starts it in a terminal; signals go to the npm
 * process alone (a supervisor or `kill <npm's pid>` does that; Ctrl-C reaches the whole group).
 */
export class NpmScript {
  private output = '';

  private constructor(readonly process: ChildProcess) {
    process.stdout?.on('data', (d) => (this.output += d));
    process.stderr?.on('data', (d) => (this.output += d));
  }

  static start(script: string, env: Record<string, string>): NpmScript {
    return new NpmScript(
      spawn('npm', ['run', script], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env },
        stdio: 'pipe',
      }),
    );
  }

  get log(): string {
    return this.output;
  }

  get pid(): number {
    return this.process.pid as number;
  }

  /** Resolves once the output matches; rejects when npm exits first or the time runs out. */
  async waitFor(pattern: RegExp, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.output)) {
      if (this.process.exitCode !== null) throw new Error(`npm exited before ${pattern}:\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`no ${pattern} after ${timeoutMs} ms:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async exited(): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null) await once(this.process, 'exit');
  }
}

/** Waits until none of the pids lives, or the time runs out; returns those still alive. */
export async function survivors(pids: number[], timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  let alive = pids.filter(isAlive);
  while (alive.length && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    alive = alive.filter(isAlive);
  }
  return alive;
}
