import mongoose from 'mongoose';
import { ChatHttp, pooled } from './chat-http';
import { progress } from './env';
import { channelOf, member } from './fixtures';
import { latencyFigures, type LatencyFigures } from './stats';

export interface RestThroughput {
  app: LatencyFigures & { statuses: Map<number, number> };
  raw: LatencyFigures;
  /** Seconds the workers took, after the last response, to finish the jobs of these sends. */
  drainSeconds: number;
}

/** Runs `once()` from `inFlight` loops for `seconds`; returns each call's ms and the elapsed seconds. */
async function closedLoop(inFlight: number, seconds: number, once: (loop: number) => Promise<void>) {
  const latencies: number[] = [];
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: inFlight }, async (_, loop) => {
      while (performance.now() < end) {
        const t = performance.now();
        await once(loop);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

/**
 * `inFlight` users of one 50-member channel POST send_message as fast as the API answers, for
 * `seconds`; then the mongodb driver's insertOne of the same document (a message the app stored,
 * with a fresh _id, seq and idem_key) into a collection of the same database with the same indexes,
 * from as many loops for as long. Statuses other than 201 are counted, not retried.
 */
export async function measureRestThroughput(
  apiUrl: string,
  tenant: string,
  db: { url: string; name: string },
  seconds: number,
  inFlight: number,
  workersDone: () => Promise<number>,
): Promise<RestThroughput> {
  const { channelId } = await channelOf(apiUrl, tenant, 50);
  const senders = await Promise.all(
    Array.from({ length: inFlight }, (_, i) => ChatHttp.as(apiUrl, tenant, member(i))),
  );
  await pooled(inFlight, 4, async (i) => {
    await senders[i].expect(`channels/${channelId}/send_message/`, { content: 'warm-up' });
  });
  await workersDone();
  progress(`REST: ${inFlight} senders into one 50-member channel for ${seconds} s`);
  const statuses = new Map<number, number>();
  const app = await closedLoop(inFlight, seconds, async (loop) => {
    const reply = await senders[loop].send(channelId, `load from ${senders[loop].userId}`);
    statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
  });
  progress('REST: waiting for the workers to finish those sends');
  const drainSeconds = await workersDone();
  progress(`raw driver: insertOne from ${inFlight} loops for ${seconds} s`);
  const raw = await rawInserts(db, channelId, seconds, inFlight);
  const appFigures = { ...latencyFigures(app.latencies, app.seconds), statuses };
  return { app: appFigures, raw: latencyFigures(raw.latencies, raw.seconds), drainSeconds };
}

async function rawInserts(
  db: { url: string; name: string },
  channelId: string,
  seconds: number,
  inFlight: number,
) {
  const client = await new mongoose.mongo.MongoClient(db.url, { maxPoolSize: 50 }).connect();
  try {
    const database = client.db(db.name);
    const messages = database.collection<{ _id: number } & Record<string, unknown>>('messages');
    const template = await messages.findOne({ channel_id: channelId });
    if (!template) throw new Error('no message to copy');
    const raw = database.collection<{ _id: number } & Record<string, unknown>>('bench_raw_messages');
    for (const index of await messages.listIndexes().toArray()) {
      if (index.name === '_id_') continue;
      await raw.createIndex(index.key, { name: index.name, unique: index.unique ?? false });
    }
    let next = 1;
    return await closedLoop(inFlight, seconds, async () => {
      const n = next++;
      await raw.insertOne({ ...template, _id: n, seq: n, block: Math.floor(n / 100), idem_key: `id:${n}` });
    });
  } finally {
    await client.close();
  }
}
