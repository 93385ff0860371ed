import assert from 'node:assert/strict';
import { participantList } from '../../../../src/domain/participant/participant-list';

const T0 = new Date('2024-01-01T00:00:00Z');

describe('participantList', () => {
  it('gives the participants in the order listed, with their default roles', () => {
    const list = participantList([{ user_id: 'bob' }, { user_id: 'gus', user_type: 'guest' }], T0);

    assert.deepEqual(
      list.map((p) => [p.userId, p.role]),
      [
        ['bob', 'member'],
        ['gus', 'guest'],
      ],
    );
  });

  it('names the entry a domain rule refused', () => {
    assert.throws(() => participantList([{ user_id: 'bob' }, { user_id: ' ' }], T0), {
      code: 'validation_error',
      details: { field: 'participants.1.user_id' },
    });
  });

  it('refuses a user listed twice, naming the repeat', () => {
    assert.throws(() => participantList([{ user_id: 'bob' }, { user_id: 'bob', role: 'admin' }], T0), {
      details: { field: 'participants.1.user_id' },
    });
  });
});
