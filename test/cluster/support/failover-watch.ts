import type { Redis } from 'ioredis';
import { connectTo } from './failover-cluster';

/** What the cluster said after the kill, in ms since it (null: not seen). */
export interface FailoverTimes {
  /** A surviving node first answered CLUSTER INFO with cluster_state:fail (the master marked FAIL). */
  failSeenMs: number | null;
  /** The killed master's replica first answered ROLE as a master. */
  promotedMs: number | null;
  /** From then on, every surviving node answered CLUSTER INFO with cluster_state:ok: the failover is over. */
  okMs: number | null;
}

const POLL_MS = 50;

/**
 * Watches a failover from outside the app: polls ROLE on the replica of the killed master and
 * CLUSTER INFO on every surviving node, every 50 ms, until the replica is master and every node sees
 * cluster_state:ok, or `timeoutMs` has passed.
 */
export class FailoverWatch {
  readonly times: FailoverTimes = { failSeenMs: null, promotedMs: null, okMs: null };
  private readonly clients: Map<string, Redis>;
  private readonly finished: Promise<FailoverTimes>;

  constructor(
    private readonly killedAt: number,
    private readonly replica: string,
    survivors: readonly string[],
    timeoutMs = 60_000,
  ) {
    this.clients = new Map(survivors.map((node) => [node, connectTo(node)]));
    this.finished = this.poll(timeoutMs).finally(() => {
      for (const client of this.clients.values()) client.disconnect();
    });
  }

  /** Resolves once the failover is over (okMs set) or the watch timed out (okMs null). */
  done(): Promise<FailoverTimes> {
    return this.finished;
  }

  private async poll(timeoutMs: number): Promise<FailoverTimes> {
    const deadline = this.killedAt + timeoutMs;
    while (performance.now() < deadline) {
      const [role, states] = await Promise.all([this.roleOfReplica(), this.clusterStates()]);
      const now = performance.now() - this.killedAt;
      if (states.includes('fail')) this.times.failSeenMs ??= now;
      if (role === 'master') this.times.promotedMs ??= now;
      if (this.times.promotedMs !== null && states.every((s) => s === 'ok')) {
        this.times.okMs = now;
        return this.times;
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    return this.times;
  }

  private async roleOfReplica(): Promise<string | null> {
    const reply = await this.clients
      .get(this.replica)
      ?.call('ROLE')
      .catch(() => null);
    return Array.isArray(reply) ? String(reply[0]) : null;
  }

  /** cluster_state of each surviving node ('unknown' when it did not answer). */
  private clusterStates(): Promise<string[]> {
    return Promise.all(
      [...this.clients.values()].map(async (client) => {
        const info = (await client.call('CLUSTER', 'INFO').catch(() => '')) as string;
        return /cluster_state:(\w+)/.exec(info)?.[1] ?? 'unknown';
      }),
    );
  }
}
