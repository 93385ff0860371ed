import type { Tally } from '../../test/support/command-tally';
import type { CountRow } from './counts';

/** Prints a Markdown table (docs/performance.md takes it as is). */
export function printTable(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (c ?? '').padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

/** "11" when every repetition agreed, else "11–13". */
export function span(values: number[]): string {
  const [min, max] = [Math.min(...values), Math.max(...values)];
  return min === max ? String(min) : `${min}–${max}`;
}

export const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
export const rate = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
export const ratio = (n: number) =>
  `×${n >= 10 ? n.toFixed(1) : n >= 0.1 ? n.toFixed(2) : Number(n.toPrecision(2)).toString()}`;

/** The largest entries of the first repetition's tally, e.g. "102 find user_channel_states". */
function top(tally: Tally, n = 3): string {
  return tally
    .entries()
    .slice(0, n)
    .map(([key, count]) => `${count} ${key}`)
    .join(', ');
}

export function printCounts(rows: CountRow[]): void {
  printTable(
    '1. Commands per operation: MongoDB (driver command monitoring) and Redis (commands on the wire) per process; Redis server: INFO commandstats delta, both processes, commands run inside scripts included',
    [
      'operation',
      'API MongoDB',
      'API Redis',
      'workers MongoDB',
      'workers Redis',
      'Redis server',
      'failed jobs',
    ],
    rows.map(({ operation, costs }) => [
      operation,
      span(costs.map((c) => c.api.mongo.total)),
      span(costs.map((c) => c.api.redis.total)),
      span(costs.map((c) => c.worker.mongo.total)),
      span(costs.map((c) => c.worker.redis.total)),
      span(costs.map((c) => c.redisServer.total)),
      span(costs.map((c) => c.failedJobs)),
    ]),
  );
  printTable(
    '   the largest of those (first repetition)',
    ['operation', 'API MongoDB', 'workers MongoDB', 'workers Redis'],
    rows.map(({ operation, costs: [first] }) => [
      operation,
      top(first.api.mongo),
      top(first.worker.mongo),
      top(first.worker.redis),
    ]),
  );
}

/** "1,234" */
export const int = (n: number) => Math.round(n).toLocaleString('en-US');
