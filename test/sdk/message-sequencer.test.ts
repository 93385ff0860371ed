import assert from 'node:assert/strict';
import type { Message } from '../../sdk/src';
import { MessageSequencer } from '../../sdk/src/realtime/message-sequencer';

/** A message of one channel whose ids are 10 × seq (ids are tenant-wide, so they skip). */
function message(seq: number): Message {
  return {
    id: seq * 10,
    seq,
    channel_id: 'c',
    user_id: 'u',
    content: `m${seq}`,
    content_type: 'text/plain',
    file_url: null,
    parent_id: null,
    client_message_id: null,
    created_at: '2026-01-01T00:00:00.000Z',
    edited_at: null,
    deleted_at: null,
    reaction_counts: {},
    own_reactions: [],
    pinned_at: null,
    pinned_by: null,
  };
}

function sequencer() {
  const delivered: number[] = [];
  return { delivered, sequencer: new MessageSequencer((m) => delivered.push(m.seq)) };
}

describe('MessageSequencer', () => {
  describe('when live messages come in order', () => {
    it('delivers each at once', () => {
      const { delivered, sequencer: s } = sequencer();

      const offered = [1, 2, 3].map((seq) => s.offer(message(seq)));

      assert.deepEqual(offered, ['delivered', 'delivered', 'delivered']);
      assert.deepEqual(delivered, [1, 2, 3]);
      assert.deepEqual(s.position, { lastId: 30, lastSeq: 3 });
    });
  });

  describe('when a message comes twice', () => {
    it('delivers it once', () => {
      const { delivered, sequencer: s } = sequencer();
      s.offer(message(1));

      const again = s.offer(message(1));
      s.applyPage([message(1), message(2)]);

      assert.equal(again, 'duplicate');
      assert.deepEqual(delivered, [1, 2]);
    });
  });

  describe('when a message comes ahead of a gap', () => {
    it('holds it until the gap is filled live', () => {
      const { delivered, sequencer: s } = sequencer();
      s.offer(message(1));

      const ahead = [s.offer(message(3)), s.offer(message(4))];
      assert.deepEqual([ahead, delivered, s.hasGap], [['ahead', 'ahead'], [1], true]);
      s.offer(message(2));

      assert.deepEqual(delivered, [1, 2, 3, 4]);
      assert.equal(s.hasGap, false);
    });

    it('holds it until a history page fills the gap, then delivers each once', () => {
      const { delivered, sequencer: s } = sequencer();
      s.offer(message(1));
      s.offer(message(4));

      s.applyPage([message(2), message(3), message(4)]);
      s.offer(message(5));

      assert.deepEqual(delivered, [1, 2, 3, 4, 5]);
      assert.equal(s.hasGap, false);
    });
  });

  describe('when it starts after a message the application holds', () => {
    it('delivers nothing up to it', () => {
      const { delivered, sequencer: s } = sequencer();
      s.startAfter(20, 2);

      s.applyPage([message(1), message(2), message(3)]);

      assert.deepEqual(delivered, [3]);
    });
  });
});
