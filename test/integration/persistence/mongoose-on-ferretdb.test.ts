import assert from 'node:assert/strict';
import mongoose, { Schema, type Connection } from 'mongoose';
import { MONGO_URL, RUN_DB_PREFIX } from '../../support/test-env';

interface Note {
  _id: string;
  title: string;
  tags: string[];
}

const noteSchema = new Schema<Note>({
  _id: String,
  title: { type: String, required: true, index: { unique: true } },
  tags: [String],
});

describe('Mongoose on the test database (FerretDB or MongoDB)', () => {
  let connection: Connection;
  let Notes: mongoose.Model<Note>;

  before(async () => {
    connection = await mongoose
      .createConnection(MONGO_URL, { dbName: `${RUN_DB_PREFIX}mongoose` })
      .asPromise();
    Notes = connection.model<Note>('Note', noteSchema);
    await Notes.createCollection();
    await Notes.createIndexes();
  });

  after(() => connection.close());

  it('creates, reads, updates and deletes a document', async () => {
    await Notes.create({ _id: 'n1', title: 'first', tags: ['a'] });

    const read = await Notes.findById('n1').lean();
    await Notes.updateOne({ _id: 'n1' }, { $set: { title: 'renamed' }, $push: { tags: 'b' } });
    const updated = await Notes.findById('n1').lean();
    await Notes.deleteOne({ _id: 'n1' });
    const gone = await Notes.findById('n1').lean();

    assert.deepEqual(read, { _id: 'n1', title: 'first', tags: ['a'], __v: 0 });
    assert.equal(updated?.title, 'renamed');
    assert.deepEqual(updated?.tags, ['a', 'b']);
    assert.equal(gone, null);
  });

  it('rejects a duplicate on a unique index with E11000', async () => {
    await Notes.create({ _id: 'u1', title: 'unique title' });

    const duplicate = Notes.create({ _id: 'u2', title: 'unique title' });

    await assert.rejects(duplicate, (error: { code?: number }) => error.code === 11000);
    assert.equal(await Notes.countDocuments({ title: 'unique title' }), 1);
  });

  it('rejects a duplicate _id', async () => {
    await Notes.create({ _id: 'same', title: 'one' });

    await assert.rejects(
      Notes.create({ _id: 'same', title: 'two' }),
      (error: { code?: number }) => error.code === 11000,
    );
  });
});
