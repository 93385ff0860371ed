import assert from 'node:assert/strict';
import { KeyedBatches, type Waiting } from '../../../../src/adapters/batching/keyed-batches';

/** A runner that records its batches and answers each item when told to. */
class Recorder {
  readonly batches: Array<{ key: string; items: number[] }> = [];
  private release: Array<() => void> = [];

  run = async (key: string, batch: Waiting<number, string>[]): Promise<void> => {
    this.batches.push({ key, items: batch.map((w) => w.item) });
    await new Promise<void>((resolve) => this.release.push(resolve));
    for (const w of batch) w.resolve(`${key}:${w.item}`);
  };

  /** Lets every run in progress finish. */
  async finishRuns(): Promise<void> {
    const pending = this.release;
    this.release = [];
    pending.forEach((release) => release());
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('KeyedBatches', () => {
  it('runs the first item at once and the items that arrive meanwhile together, in order', async () => {
    const recorder = new Recorder();
    const batches = new KeyedBatches(10, recorder.run);

    const answers = [1, 2, 3, 4].map((n) => batches.add('a', n));
    await recorder.finishRuns();
    await recorder.finishRuns();

    assert.deepEqual(await Promise.all(answers), ['a:1', 'a:2', 'a:3', 'a:4']);
    assert.deepEqual(recorder.batches, [
      { key: 'a', items: [1] },
      { key: 'a', items: [2, 3, 4] },
    ]);
  });

  it('never lets a batch grow past its bound', async () => {
    const recorder = new Recorder();
    const batches = new KeyedBatches(2, recorder.run);

    const answers = [1, 2, 3, 4, 5].map((n) => batches.add('a', n));
    for (let i = 0; i < 3; i += 1) await recorder.finishRuns();

    await Promise.all(answers);
    assert.deepEqual(
      recorder.batches.map((b) => b.items),
      [[1], [2, 3], [4, 5]],
    );
  });

  it('runs different keys side by side', async () => {
    const recorder = new Recorder();
    const batches = new KeyedBatches(10, recorder.run);

    const answers = [batches.add('a', 1), batches.add('b', 1)];

    assert.deepEqual(
      recorder.batches.map((b) => b.key),
      ['a', 'b'],
    );
    await recorder.finishRuns();
    assert.deepEqual(await Promise.all(answers), ['a:1', 'b:1']);
  });

  it('answers the unanswered items of a failed run with its error, and keeps going with the next batch', async () => {
    let runs = 0;
    let releaseFirst!: () => void;
    const batches = new KeyedBatches<number, number>(10, async (_key, batch) => {
      runs += 1;
      if (runs === 1) await new Promise<void>((resolve) => (releaseFirst = resolve));
      if (runs === 2) {
        batch[0].resolve(batch[0].item);
        throw new Error('boom');
      }
      for (const w of batch) w.resolve(w.item);
    });

    const first = batches.add('a', 1);
    const [answered, failed] = [batches.add('a', 2), batches.add('a', 3)];
    releaseFirst();

    assert.equal(await first, 1);
    assert.equal(await answered, 2);
    await assert.rejects(failed, /boom/);
    assert.equal(await batches.add('a', 4), 4);
  });

  it('fails an item its run forgot to answer instead of leaving it waiting', async () => {
    const batches = new KeyedBatches<number, number>(10, async () => undefined);

    await assert.rejects(batches.add('a', 1), /left an item unanswered/);
  });
});
