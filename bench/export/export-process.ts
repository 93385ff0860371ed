/*
 * A child process of the export bench, so that its RSS holds nothing but what it measures:
 * - `api`: an API node (`npm start`'s composition root) with a CommandCounter;
 * - `baseline`: nothing until asked to read a tenant's messages with a raw driver cursor.
 * Over IPC: `mark` (collect garbage, take the RSS, zero the peak and the command counts), `baseline`
 * (run the raw cursor), `report` (RSS before, peak RSS since the mark, heap kept after a GC, MongoDB
 * commands since the mark).
 * Runs as `node --expose-gc --require tsx/cjs <this> api|baseline`.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import mongoose from 'mongoose';
import { ApiNode } from '../../src/main/api-node';
import { loadConfig } from '../../src/main/config';
import { buildContainer } from '../../src/main/container';
import { CommandCounter } from '../../test/support/command-counter';
import { Tally } from '../../test/support/command-tally';

export type Command = { cmd: 'mark' } | { cmd: 'baseline'; database: string } | { cmd: 'report' };
export interface Report {
  rssBefore: number;
  rssPeak: number;
  /** Heap in use after a GC at the report, minus the same at the mark: what the run kept. */
  heapKept: number;
  /** The most heap in use (garbage included) between the mark and the report, minus it at the mark. */
  heapPeakGrowth: number;
  mongo: Array<[string, number]>;
  lines?: number;
}

const counter = new CommandCounter('export');
const baselineCommands = new Tally();
let rssBefore = 0;
let rssPeak = 0;
let heapBefore = 0;
let heapPeak = 0;
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const sample = () => {
  const { rss, heapUsed } = process.memoryUsage();
  rssPeak = Math.max(rssPeak, rss);
  heapPeak = Math.max(heapPeak, heapUsed);
};
setInterval(sample, 5).unref();

async function start(kind: string): Promise<{ port?: number; stop(): Promise<void> }> {
  if (kind === 'baseline') return { stop: async () => undefined };
  const node = new ApiNode(buildContainer(loadConfig(), 'api', [counter.module()]));
  await node.start(0, '127.0.0.1');
  return { port: node.port, stop: () => node.stop() };
}

/** What an export does without the app: every message of the tenant, one JSON line each, to a sink. */
async function rawCursor(database: string): Promise<{ lines: number; bytes: number }> {
  const client = await new mongoose.mongo.MongoClient(process.env.MONGO_URL!, {
    monitorCommands: true,
  }).connect();
  client.on('commandStarted', (e) => {
    const target = e.commandName === 'getMore' ? e.command.collection : e.command[e.commandName];
    if (e.commandName !== 'endSessions') baselineCommands.add(`${e.commandName} ${String(target)}`);
  });
  const sink = createWriteStream('/dev/null');
  let [lines, bytes] = [0, 0];
  try {
    for await (const doc of client.db(database).collection('messages').find({}, { batchSize: 200 })) {
      const line = `${JSON.stringify(doc)}\n`;
      lines += 1;
      bytes += Buffer.byteLength(line);
      if (!sink.write(line)) await once(sink, 'drain');
    }
  } finally {
    await client.close();
    sink.end();
  }
  return { lines, bytes };
}

async function handle(message: Command): Promise<unknown> {
  switch (message.cmd) {
    case 'mark':
      gc();
      heapBefore = heapPeak = process.memoryUsage().heapUsed;
      rssBefore = rssPeak = process.memoryUsage.rss();
      counter.reset();
      baselineCommands.clear();
      return { ok: true };
    case 'baseline':
      return rawCursor(message.database);
    case 'report': {
      sample();
      gc();
      const heapKept = process.memoryUsage().heapUsed - heapBefore;
      const mongo = [...counter.counts().mongo.entries(), ...baselineCommands.entries()];
      return { rssBefore, rssPeak, heapKept, heapPeakGrowth: heapPeak - heapBefore, mongo } satisfies Report;
    }
  }
}

start(process.argv[2] ?? 'api').then(
  (running) => {
    process.on('message', (message: Command | 'stop') => {
      if (message === 'stop') return void running.stop().finally(() => process.exit(0));
      handle(message).then(
        (reply) => process.send?.({ reply }),
        (error: Error) => process.send?.({ error: error.stack ?? String(error) }),
      );
    });
    process.on('disconnect', () => process.exit(0));
    process.send?.({ ready: true, port: running.port });
  },
  (error) => {
    process.stderr.write(`failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
