import assert from 'node:assert/strict';
import { UserId } from '../../../../src/domain/user/user-id';
import { userProfile } from '../../../../src/domain/user/user-profile';

describe('UserId', () => {
  it('keeps an opaque id of 1-128 characters as given', () => {
    assert.equal(UserId.parse('auth0|5f:x'), 'auth0|5f:x');
    assert.equal(UserId.parse('u'.repeat(128)).length, 128);
  });

  it('refuses empty, blank and too long ids, and control characters', () => {
    for (const bad of ['', '   ', 'u'.repeat(129), 'a\u0000b']) {
      assert.throws(() => UserId.parse(bad), { code: 'validation_error' });
    }
  });
});

describe('userProfile', () => {
  it('makes a user internal unless the claims say guest', () => {
    const now = new Date();

    assert.equal(userProfile('u1', 'Ann', undefined, now).user_type, 'internal');
    assert.equal(userProfile('u1', 'Ann', 'guest', now).user_type, 'guest');
  });

  it('treats an empty name claim as no name', () => {
    assert.equal(userProfile('u1', '', undefined, new Date()).name, null);
  });
});
