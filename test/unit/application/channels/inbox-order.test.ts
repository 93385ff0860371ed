import assert from 'node:assert/strict';
import {
  compareInbox,
  decodeInboxCursor,
  encodeInboxCursor,
} from '../../../../src/application/channels/inbox-order';

describe('inbox order', () => {
  const at = new Date('2025-01-01T00:00:00.000Z');

  it('puts the most recent activity first, then the greater channel id', () => {
    const positions = [
      { last_activity_at: at, channel_id: 'a' },
      { last_activity_at: new Date(at.getTime() + 1), channel_id: 'a' },
      { last_activity_at: at, channel_id: 'b' },
    ];

    assert.deepEqual(
      positions.sort(compareInbox).map((p) => [p.last_activity_at.getTime() - at.getTime(), p.channel_id]),
      [
        [1, 'a'],
        [0, 'b'],
        [0, 'a'],
      ],
    );
  });

  it('round-trips a position through an opaque cursor', () => {
    const position = { last_activity_at: at, channel_id: '00000000-0000-4000-8000-000000000001' };

    assert.deepEqual(decodeInboxCursor(encodeInboxCursor(position)), position);
  });

  it('refuses a cursor whose channel id is not a channel id (it would reach a query)', () => {
    const forged = encodeInboxCursor({ last_activity_at: at, channel_id: 'c-1\u0000' });

    assert.throws(() => decodeInboxCursor(forged), {
      code: 'validation_error',
      details: { field: 'cursor' },
    });
  });

  it('treats no cursor as the first page', () => {
    assert.equal(decodeInboxCursor(undefined), undefined);
  });
});
