import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { MongoMessageSearch } from '../../src/adapters/persistence/mongo/mongo-message-search';
import { freePort } from '../../test/support/free-port';
import { ChatHttp, createTenant, pooled } from '../hot-paths/chat-http';
import { benchEnv, dropBenchDatabases, MONGO_URL, PrivateRedis, progress, setting } from '../hot-paths/env';
import { Child } from '../hot-paths/processes/child';
import { printTable } from '../hot-paths/report';
import { percentile } from '../hot-paths/stats';

/**
 * Message search (issue 16 §3) in a tenant of BENCH_SEARCH_MESSAGES (100,000) messages over 20
 * channels, through the REST API of an API child process on FerretDB: latency of GET search/ for
 * one- and two-word queries (BENCH_SEARCH_QUERIES, 200), beside, in the same run, the raw driver's
 * lookup of one word's postings (the floor a search cannot beat) and a naive case-insensitive regex
 * over the messages (what a search without an index costs), and the MongoDB commands per search.
 * Words follow a Zipf-like law over a vocabulary of 5,000, eight words a message.
 */
export async function runSearchBench(): Promise<void> {
  const total = setting('BENCH_SEARCH_MESSAGES', 100_000);
  const queries = setting('BENCH_SEARCH_QUERIES', 200);
  const redis = await PrivateRedis.start();
  const port = await freePort();
  const api = await Child.start(require.resolve('../hot-paths/processes/app-process.ts'), ['api'], {
    ...benchEnv(redis.url),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  });
  const url = `http://127.0.0.1:${port}`;
  const client = await new mongoose.mongo.MongoClient(MONGO_URL, { maxPoolSize: 4 }).connect();
  try {
    const { slug, database } = await createTenant(url, `search-${randomBytes(3).toString('hex')}`);
    const alice = await ChatHttp.as(url, slug, 'alice');
    const bob = await ChatHttp.as(url, slug, 'bob');
    const channels: string[] = [];
    for (let i = 0; i < 20; i += 1) channels.push(await alice.group(['bob'], `c${i}`));
    for (const id of channels) await alice.send(id, 'seed');
    const db = client.db(database);
    await seed(db, channels, total);

    const words = vocabulary();
    const picks = Array.from({ length: queries }, (_, i) =>
      i % 2 === 0 ? zipfWord(words) : `${zipfWord(words)} ${zipfWord(words)}`,
    );
    const apiTimes: number[] = [];
    const hits: number[] = [];
    await pooled(picks.length, 1, async (i) => {
      const reply = await bob.get(`search/?q=${encodeURIComponent(picks[i])}&limit=20`);
      if (reply.status !== 200) throw new Error(`search: ${reply.status} ${JSON.stringify(reply.body)}`);
      apiTimes.push(reply.ms);
      hits.push((reply.body.results as unknown[]).length);
    });
    const raw: number[] = [];
    for (const q of picks.slice(0, 50)) {
      const started = performance.now();
      await db
        .collection('search_terms')
        .find({ t: q.split(' ')[0] }, { projection: { m: 1 } })
        .toArray();
      raw.push(performance.now() - started);
    }
    const naive: number[] = [];
    for (const q of picks.slice(0, 5)) {
      const started = performance.now();
      await db
        .collection('messages')
        .find({ content: { $regex: q.split(' ')[0], $options: 'i' } })
        .limit(20)
        .toArray();
      naive.push(performance.now() - started);
    }
    const fmt = (values: number[]) =>
      [50, 95]
        .map((p) => `${percentile(values, p).toFixed(1)} ms`)
        .concat(`${Math.max(...values).toFixed(1)} ms`);
    printTable(
      `Search in a tenant of ${total.toLocaleString('en')} messages (20 channels; ${queries} queries, half of two words; goal p95 < 150 ms on FerretDB)`,
      ['what', 'p50', 'p95', 'max'],
      [
        ['GET search/?q=…&limit=20, one at a time', ...fmt(apiTimes)],
        ['baseline: raw driver, one word’s postings', ...fmt(raw)],
        ['baseline: naive regex over messages (5 queries)', ...fmt(naive)],
      ],
    );
    console.log(
      `\n  MongoDB commands per search: 1 (the caller's channels) + 1 per word (its bucket markers) + 1 per word and bucket visited + 1 per message of the page (by _id); ` +
        `results per query: median ${percentile(hits, 50)}, ${hits.filter((h) => h === 0).length} queries found nothing`,
    );
  } finally {
    await client.close();
    await api.stop();
    await redis.stop();
    await dropBenchDatabases();
  }
}

/** A vocabulary of pronounceable words (deterministic). */
function vocabulary(size = 5_000): string[] {
  const syllables = [
    'ka',
    'lo',
    'mi',
    'ne',
    'ru',
    'ta',
    'so',
    've',
    'pi',
    'du',
    'ga',
    'be',
    'zo',
    'fi',
    'hu',
    'ya',
  ];
  return Array.from({ length: size }, (_, i) => {
    let word = '';
    for (let n = i + 16; n > 0; n = Math.floor(n / 16)) word += syllables[n % 16];
    return word;
  });
}

/** A word of rank r with probability ∝ 1 / (r + 10). */
function zipfWord(words: string[]): string {
  const u = Math.random();
  const rank = Math.floor(10 * Math.pow(words.length / 10 + 1, u) - 10);
  return words[Math.min(words.length - 1, Math.max(0, rank))];
}

/** Inserts `total` messages round robin over the channels, with their search index, in batches. */
async function seed(db: mongoose.mongo.Db, channels: string[], total: number): Promise<void> {
  const words = vocabulary();
  const messages = db.collection<Record<string, unknown> & { _id: number }>('messages');
  const template = await messages.findOne({ channel_id: channels[0] });
  if (!template) throw new Error('no message to clone');
  const connection = mongoose.createConnection(MONGO_URL, { maxPoolSize: 4 }).useDb(db.databaseName);
  const { tenantModels } = await import('../../src/adapters/persistence/mongo/tenant-models');
  const index = new MongoMessageSearch(tenantModels(connection).searchTerms);
  const seqs = channels.map(() => 10_000);
  let nextId = 1_000_000;
  const batch = 2_000;
  const started = performance.now();
  for (let done = 0; done < total; done += batch) {
    const docs = Array.from({ length: Math.min(batch, total - done) }, (_, i) => {
      const c = (done + i) % channels.length;
      const seq = seqs[c]++;
      const _id = nextId++;
      const content = Array.from({ length: 8 }, () => zipfWord(words)).join(' ');
      return {
        ...template,
        _id,
        channel_id: channels[c],
        seq,
        block: Math.floor(seq / 100),
        idem_key: `id:${_id}`,
        content,
        created_at: new Date(Date.now() - (total - done - i) * 1000),
      };
    });
    await messages.insertMany(docs, { ordered: false });
    await index.index(
      docs.map((d) => ({
        id: d._id,
        channel_id: d.channel_id,
        user_id: String(template.user_id),
        content: d.content,
        created_at: d.created_at,
        deleted_at: null,
      })),
    );
    if ((done / batch) % 5 === 0) progress(`search: seeded ${done + docs.length} of ${total} messages`);
  }
  // The channels record their newest message, as the send turns would have (search starts there).
  await db.collection('channels').updateMany({}, { $set: { last_message_id: nextId - 1 } });
  progress(`search: seeded ${total} messages in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  await connection.close();
}
