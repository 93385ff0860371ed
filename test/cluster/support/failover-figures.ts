import type { Attempt } from './failover-burst';
import type { FailoverTimes } from './failover-watch';

/** What the clients saw around the kill; times in ms since the kill (null: never happened). */
export interface ClientFigures {
  /** Answers by status, sends and reads apart (0: no answer). */
  sendStatuses: Record<number, number>;
  readStatuses: Record<number, number>;
  /** 503s served (sends and mark_read). */
  unavailable: number;
  /** The longest a request waited for its 503; the longest any request waited, whatever its answer. */
  slowestUnavailableMs: number;
  slowestMs: number;
  /** The answer of the last request that was not a success (503, 429, anything else). */
  lastFailureMs: number | null;
  /** The first 201 of a send that left after the kill (a 200 repeat needs no Redis, so it proves nothing). */
  recoveredMs: number | null;
  /** Sends acknowledged before the kill, and after the cluster said the failover was over. */
  ackedBefore: number;
  ackedAfterFailover: number;
}

const OK = new Set([200, 201]);

export function clientFigures(
  attempts: readonly Attempt[],
  killedAt: number,
  failover: FailoverTimes,
): ClientFigures {
  const since = (t: number) => t - killedAt;
  const sends = attempts.filter((a) => a.kind === 'send');
  const unavailable = attempts.filter((a) => a.status === 503);
  const failures = attempts.filter((a) => !OK.has(a.status));
  const recovered = sends.filter((a) => a.status === 201 && a.startedAt > killedAt);
  const overAt = killedAt + (failover.okMs ?? Infinity);
  return {
    sendStatuses: histogram(sends),
    readStatuses: histogram(attempts.filter((a) => a.kind === 'read')),
    unavailable: unavailable.length,
    slowestUnavailableMs: Math.max(0, ...unavailable.map((a) => a.endedAt - a.startedAt)),
    slowestMs: Math.max(0, ...attempts.map((a) => a.endedAt - a.startedAt)),
    lastFailureMs: failures.length ? since(Math.max(...failures.map((a) => a.endedAt))) : null,
    recoveredMs: recovered.length ? since(Math.min(...recovered.map((a) => a.endedAt))) : null,
    ackedBefore: sends.filter((a) => OK.has(a.status) && a.endedAt < killedAt).length,
    ackedAfterFailover: sends.filter((a) => OK.has(a.status) && a.startedAt > overAt).length,
  };
}

function histogram(attempts: readonly Attempt[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of attempts) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/** One line for the CI log. */
export function describeFigures(client: ClientFigures, failover: FailoverTimes): string {
  const ms = (v: number | null) => (v === null ? 'never' : `${Math.round(v)} ms`);
  return [
    `[failover] cluster: fail seen ${ms(failover.failSeenMs)}, replica promoted ${ms(failover.promotedMs)},`,
    `cluster_state ok everywhere ${ms(failover.okMs)} after the kill;`,
    `clients: first send stored (201) ${ms(client.recoveredMs)} after the kill, ${client.unavailable} 503s`,
    `(slowest ${ms(client.slowestUnavailableMs)}), last failure ${ms(client.lastFailureMs)} after the kill,`,
    `slowest request ${ms(client.slowestMs)};`,
    `sends ${JSON.stringify(client.sendStatuses)}, mark_read ${JSON.stringify(client.readStatuses)};`,
    `${client.ackedBefore} acknowledged before the kill, ${client.ackedAfterFailover} after the failover`,
  ].join(' ');
}
