import assert from 'node:assert/strict';
import { MessageReactions } from '../../../../src/domain/reaction/message-reactions';
import { isReactionEmoji } from '../../../../src/domain/reaction/reaction-emoji';

const at = (second: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, second));

describe('MessageReactions', () => {
  it('counts each emoji once per user, and tells each user their own', () => {
    const reactions = MessageReactions.of([
      { emoji: 'heart', user_id: 'bob', created_at: at(2) },
      { emoji: '+1', user_id: 'alice', created_at: at(1) },
      { emoji: '+1', user_id: 'bob', created_at: at(3) },
    ]);

    assert.deepEqual(reactions.counts(), { '+1': 2, heart: 1 });
    assert.deepEqual(reactions.of('bob'), ['+1', 'heart']);
    assert.deepEqual(reactions.of('carol'), []);
  });

  it('lists emoji in the order first used and users in the order they reacted, whatever the input order', () => {
    const reactions = MessageReactions.of([
      { emoji: 'tada', user_id: 'carol', created_at: at(5) },
      { emoji: 'tada', user_id: 'alice', created_at: at(2) },
      { emoji: 'eyes', user_id: 'bob', created_at: at(3) },
    ]);

    assert.deepEqual(reactions.toPrimitives(), [
      { emoji: 'tada', user_ids: ['alice', 'carol'] },
      { emoji: 'eyes', user_ids: ['bob'] },
    ]);
  });

  it('has no counts when nobody reacted', () => {
    assert.deepEqual(MessageReactions.none().counts(), {});
  });
});

describe('isReactionEmoji', () => {
  it('accepts a supported short code and nothing else, the glyph and inherited keys included', () => {
    assert.equal(isReactionEmoji('+1'), true);
    for (const raw of ['👍', 'thumbsup', '', 'toString', '__proto__'])
      assert.equal(isReactionEmoji(raw), false);
  });
});
