import assert from 'node:assert/strict';
import { mentions } from '../../../../src/domain/message/mentions';

describe('mentions', () => {
  it('finds @user_id at the start, after a space and before punctuation', () => {
    assert.ok(mentions('@bob look', 'bob'));
    assert.ok(mentions('hey @bob, look', 'bob'));
    assert.ok(mentions('thanks (@bob)', 'bob'));
    assert.ok(mentions('ping @user-42.', 'user-42'));
  });

  it('ignores a longer id and an e-mail address', () => {
    assert.ok(!mentions('hi @bobby', 'bob'));
    assert.ok(!mentions('mail alice@bob.example', 'bob'));
    assert.ok(!mentions('no mention here', 'bob'));
  });
});
