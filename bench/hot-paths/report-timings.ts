import type { ReadTimes } from './reads';
import { median } from './reads';
import { int, ms, printTable, rate, ratio } from './report';
import type { RestThroughput } from './rest-throughput';
import type { SocketFigures } from './socket-delivery';

export function printRest(figures: RestThroughput, inFlight: number): void {
  const { app, raw } = figures;
  const statuses = [...app.statuses].map(([status, n]) => `${int(n)}× ${status}`).join(', ');
  printTable(
    `2. REST send_message, ${inFlight} in flight into one 50-member channel, beside the mongodb driver's insertOne of the same document (same database, same indexes)`,
    ['path', 'requests', 'per second', 'p50 ms', 'p99 ms', 'max ms', 'statuses'],
    [
      [
        'POST send_message',
        int(app.count),
        rate(app.perSecond),
        ms(app.p50),
        ms(app.p99),
        ms(app.max),
        statuses,
      ],
      ['driver insertOne', int(raw.count), rate(raw.perSecond), ms(raw.p50), ms(raw.p99), ms(raw.max), ''],
      ['ratio send / insertOne', '', ratio(app.perSecond / raw.perSecond), '', '', '', 'goal ≥ ×0.5'],
    ],
  );
  console.log(
    `\n   the workers finished the jobs of those sends ${figures.drainSeconds.toFixed(1)} s after the last response`,
  );
}

export function printSockets(f: SocketFigures): void {
  printTable(
    `3. Sockets: ${int(f.sockets)} connects (100 at a time); delivery into 50-member channels (deliveries per second, each member's copy counts)`,
    ['figure', 'app', 'Socket.IO layer alone', 'raw ws', 'app / raw ws'],
    [
      [
        `connect ${int(f.sockets)} sockets, s`,
        f.connect.app.toFixed(1),
        '',
        f.connect.raw.toFixed(1),
        ratio(f.connect.app / f.connect.raw),
      ],
      [
        'deliveries per second',
        `${int(f.rate.app.perSecond)}${f.rate.app.failed ? ` (${f.rate.app.failed} sends failed)` : ''}`,
        int(f.rate.socketLayer.perSecond),
        int(f.rate.raw.perSecond),
        `${ratio(f.rate.app.perSecond / f.rate.raw.perSecond)} (goal ≥ ×0.3)`,
      ],
      [
        `at ${rate(f.latency.messagesPerSecond)} messages/s: p50 / p99 / max ms`,
        `${ms(f.latency.app.p50)} / ${ms(f.latency.app.p99)} / ${ms(f.latency.app.max)}`,
        '',
        `${ms(f.latency.raw.p50)} / ${ms(f.latency.raw.p99)} / ${ms(f.latency.raw.max)}`,
        'goal: app p99 ≤ 50 ms',
      ],
    ],
  );
}

/** p50 (max) of a read. */
const cell = (times: number[]) => `${ms(median(times))} (${ms(Math.max(...times))})`;

export interface ReadFigures {
  /** A user in 10 channels, alone in a fresh tenant. */
  small: ReadTimes;
  /** The same in a tenant holding BENCH_TENANT_MESSAGES messages. */
  big: ReadTimes;
  /** A user in 10 channels and one in BENCH_USER_CHANNELS, in the same tenant (the counts' one). */
  inTen: ReadTimes;
  inMany: ReadTimes;
}

export function printReads(f: ReadFigures, bigMessages: string, channels: string): void {
  const row = (label: string, pick: (t: ReadTimes) => number[]) => [
    label,
    cell(pick(f.small)),
    cell(pick(f.big)),
    ratio(median(pick(f.big)) / median(pick(f.small))),
    cell(pick(f.inTen)),
    cell(pick(f.inMany)),
    ratio(median(pick(f.inMany)) / median(pick(f.inTen))),
  ];
  printTable(
    `4. Reads, ms p50 (max), one request at a time (goal: ≤ ×1.5 apart): a user in 10 channels in a fresh tenant vs in a tenant of ${bigMessages} messages; a user in 10 vs in ${channels} channels of one tenant`,
    [
      'read',
      'fresh tenant',
      `${bigMessages} messages`,
      'ratio',
      '10 channels',
      `${channels} channels`,
      'ratio',
    ],
    [
      row('latest page (GET messages/, 200 messages)', (t) => t.latestPage),
      row('GET channels/', (t) => t.channels),
      row('GET centralized/', (t) => t.centralized),
    ],
  );
}
