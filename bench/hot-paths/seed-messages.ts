import mongoose from 'mongoose';

/*
 * The one place where the bench writes the app's documents itself (everything else goes through the
 * REST API): `count` more messages in a tenant's `messages` collection, with the mongodb driver's
 * insertMany, cloned from a message the app wrote, so that every field the app stores is there.
 * Fields rewritten per clone: _id (above every id the tenant holds), channel_id (round robin over
 * `channelIds`), seq (going on from the template's), block (floor(seq / 100)) and idem_key (`id:<id>`,
 * as for a send without client_message_id): adapt them here if the message layout changes.
 *
 * The clones are filler: nothing reads or writes their channels afterwards (their channels'
 * counters do not know of them, and the tenant's id counter is below them), so seed after the
 * tenant's last send.
 */

export interface SeedOptions {
  mongoUrl: string;
  database: string;
  /** Channels the app created, each with at least one message (the first one is the template). */
  channelIds: string[];
  count: number;
  batch?: number;
  onProgress?: (inserted: number) => void;
}

type MessageDoc = Record<string, unknown> & { _id: number; seq: number; channel_id: string };

/** Inserts the filler messages; returns how many it inserted. */
export async function seedMessages(options: SeedOptions): Promise<number> {
  const { count, channelIds, batch = 5_000 } = options;
  const client = await new mongoose.mongo.MongoClient(options.mongoUrl, { maxPoolSize: 4 }).connect();
  try {
    const messages = client.db(options.database).collection<MessageDoc>('messages');
    const template = await messages.findOne({ channel_id: channelIds[0] });
    if (!template) throw new Error(`no message in channel ${channelIds[0]} to clone`);
    const top = await messages
      .find({}, { projection: { _id: 1 } })
      .sort({ _id: -1 })
      .limit(1)
      .next();
    let nextId = (top?._id ?? 0) + 1;
    const seqs = channelIds.map(() => template.seq + 1_000);
    let inserted = 0;
    const nextBatch = (): MessageDoc[] =>
      Array.from({ length: Math.min(batch, count - inserted) }, (_, i) => {
        const c = (inserted + i) % channelIds.length;
        const seq = seqs[c]++;
        const _id = nextId++;
        return {
          ...template,
          _id,
          channel_id: channelIds[c],
          seq,
          block: Math.floor(seq / 100),
          idem_key: `id:${_id}`,
        };
      });
    // Two batches in flight: FerretDB turns each into one PostgreSQL INSERT per document.
    const inFlight = new Set<Promise<void>>();
    while (inserted < count) {
      const docs = nextBatch();
      inserted += docs.length;
      const write: Promise<void> = messages
        .insertMany(docs, { ordered: false })
        .then(() => options.onProgress?.(inserted))
        .finally(() => inFlight.delete(write));
      inFlight.add(write);
      if (inFlight.size >= 2) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    return inserted;
  } finally {
    await client.close();
  }
}
