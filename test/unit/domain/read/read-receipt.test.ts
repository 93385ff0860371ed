import assert from 'node:assert/strict';
import { ReadReceiptRange, readersOf } from '../../../../src/domain/read/read-receipt';

const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 0, minute));

function range(user_id: string, from_seq: number, to_seq: number, minute: number): ReadReceiptRange {
  return { user_id, channel_id: 'c', from_seq, to_seq, to_message_id: to_seq * 10, read_at: at(minute) };
}

describe('readersOf', () => {
  it('lists the users whose ranges cover the seq (from exclusive, to inclusive)', () => {
    const ranges = [range('bob', 0, 3, 1), range('carol', 3, 5, 2), range('dan', 5, 9, 3)];

    assert.deepEqual(
      readersOf(ranges, 3).map((r) => r.user_id),
      ['bob'],
    );
    assert.deepEqual(
      readersOf(ranges, 4).map((r) => r.user_id),
      ['carol'],
    );
  });

  it('gives each user their earliest read, earliest reader first', () => {
    const ranges = [range('bob', 0, 9, 5), range('carol', 0, 9, 2), range('bob', 0, 4, 3)];

    assert.deepEqual(readersOf(ranges, 2), [
      { user_id: 'carol', read_at: at(2) },
      { user_id: 'bob', read_at: at(3) },
    ]);
  });
});
