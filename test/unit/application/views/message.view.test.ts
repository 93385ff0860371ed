import assert from 'node:assert/strict';
import { toMessageView } from '../../../../src/application/views/message.view';
import { T0 } from '../../../support/builders/channel.builder';
import { aMessage } from '../../../support/builders/message.builder';

describe('toMessageView', () => {
  const reacted = aMessage({
    reactions: [
      { emoji: '+1', user_ids: ['alice', 'bob'] },
      { emoji: 'heart', user_ids: ['bob'] },
    ],
    pinned_at: T0,
    pinned_by: 'alice',
  });

  it('gives a viewer the counts, their own reactions and the pin', () => {
    const view = toMessageView(reacted, 'bob');

    assert.deepEqual(view.reaction_counts, { '+1': 2, heart: 1 });
    assert.deepEqual(view.own_reactions, ['+1', 'heart']);
    assert.deepEqual([view.pinned_at, view.pinned_by], [T0.toISOString(), 'alice']);
  });

  it('gives a channel broadcast own_reactions null when the message has reactions, as each recipient’s differ', () => {
    assert.equal(toMessageView(reacted).own_reactions, null);
  });

  it('gives a channel broadcast own_reactions [] when the message has none, which is true for everyone', () => {
    assert.deepEqual(toMessageView(aMessage()).own_reactions, []);
  });

  it('shows a tombstone without reactions or pin, whatever it stored', () => {
    const view = toMessageView(aMessage({ ...reacted.toPrimitives(), deleted_at: T0 }), 'bob');

    assert.deepEqual(
      [view.reaction_counts, view.own_reactions, view.pinned_at, view.pinned_by],
      [{}, [], null, null],
    );
  });
});
