import assert from 'node:assert/strict';
import { UserId } from '../../../../src/domain/user/user-id';
import { userProfile } from '../../../../src/domain/user/user-profile';

describe('UserId', () => {
  it('keeps an opaque id of 1-128 characters as given', () => {
    assert.equal(UserId.parse('auth0|5f:x'), 'auth0|5f:x');
    assert.equal(UserId.parse('u'.repeat(128)).length, 128);
  });

  it('refuses empty, too long and non-string ids', () => {
    for (const bad of ['', '   ', 'u'.repeat(129), 42, { $gt: '' }]) {
      assert.throws(() => UserId.parse(bad), { code: 'validation_error' });
    }
  });
});

describe('userProfile', () => {
  it('makes a user internal unless the claims say guest', () => {
    const now = new Date();

    assert.equal(userProfile('u1', 'Ann', undefined, now).user_type, 'internal');
    assert.equal(userProfile('u1', 'Ann', 'guest', now).user_type, 'guest');
    assert.throws(() => userProfile('u1', 'Ann', 'root', now), { code: 'validation_error' });
  });

  it('treats an empty name claim as no name', () => {
    assert.equal(userProfile('u1', '', undefined, new Date()).name, null);
  });
});
