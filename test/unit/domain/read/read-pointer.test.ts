import assert from 'node:assert/strict';
import { ReadPointer } from '../../../../src/domain/read/read-pointer';

describe('ReadPointer', () => {
  it('starts with nothing read', () => {
    const pointer = ReadPointer.start();

    assert.deepEqual([pointer.messageId, pointer.seq], [null, 0]);
  });

  it('moves forward', () => {
    const pointer = ReadPointer.at(10, 2).advance(ReadPointer.at(12, 3));

    assert.deepEqual([pointer.messageId, pointer.seq], [12, 3]);
  });

  it('never moves back', () => {
    const pointer = ReadPointer.at(12, 3).advance(ReadPointer.at(10, 2));

    assert.deepEqual([pointer.messageId, pointer.seq], [12, 3]);
  });

  it('refuses a pointer to no message', () => {
    assert.throws(() => ReadPointer.at(0, 0), { code: 'validation_error' });
  });

  it('rebuilds "nothing read" from stored primitives', () => {
    assert.equal(ReadPointer.fromPrimitives(null, 0).seq, 0);
  });
});
