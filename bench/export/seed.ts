import mongoose from 'mongoose';

/*
 * `count` more messages in a tenant's channels, written with the driver's insertMany in batches
 * (FerretDB turns each document into an INSERT: the REST API would take far longer), cloned from
 * the one message each channel got through the API, so every field the app stores is there. Unlike
 * bench/hot-paths/seed-messages.ts, the clones go on from the template's seq without a gap and each
 * channel document is then told its last message (id, seq, time), as a send would leave it: an
 * export reads a channel's messages up to that seq. Adapt the rewritten fields (_id, seq, block,
 * idem_key) here if the message layout changes.
 */

type Doc = Record<string, unknown> & { _id: number; seq: number; channel_id: string; created_at: Date };

export async function seedChannels(
  mongoUrl: string,
  database: string,
  channelIds: string[],
  count: number,
  onProgress: (inserted: number) => void,
): Promise<void> {
  const client = await new mongoose.mongo.MongoClient(mongoUrl, { maxPoolSize: 4 }).connect();
  try {
    const db = client.db(database);
    const messages = db.collection<Doc>('messages');
    const templates = await Promise.all(channelIds.map((id) => messages.findOne({ channel_id: id })));
    const top = await messages
      .find({}, { projection: { _id: 1 } })
      .sort({ _id: -1 })
      .limit(1)
      .next();
    let nextId = (top?._id ?? 0) + 1;
    const last = templates.map((t) => ({ ...t! }));
    const batch = (size: number): Doc[] =>
      Array.from({ length: size }, (_, i) => {
        const c = i % channelIds.length;
        const seq = last[c].seq + 1;
        const _id = nextId++;
        const created_at = new Date(last[c].created_at.getTime() + 1);
        return (last[c] = {
          ...templates[c]!,
          _id,
          seq,
          block: Math.floor(seq / 100),
          idem_key: `id:${_id}`,
          created_at,
        });
      });
    for (let inserted = 0; inserted < count;) {
      const docs = batch(Math.min(5_000, count - inserted));
      await messages.insertMany(docs, { ordered: false });
      onProgress((inserted += docs.length));
    }
    for (const [c, id] of channelIds.entries()) {
      const { _id, seq, created_at } = last[c];
      await db.collection<{ _id: string }>('channels').updateOne(
        { _id: id },
        {
          $set: {
            last_message_id: _id,
            last_message_seq: seq,
            last_message_at: created_at,
            last_activity_at: created_at,
            last_message: last[c],
          },
        },
      );
    }
  } finally {
    await client.close();
  }
}
