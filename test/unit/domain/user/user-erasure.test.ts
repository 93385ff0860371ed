import assert from 'node:assert/strict';
import { pseudonymFrom } from '../../../../src/domain/user/user-erasure';

describe('pseudonymFrom', () => {
  it('is `erased-` and the 32 hex digits of the random UUID', () => {
    assert.equal(
      pseudonymFrom('3F0E8A4C-1B2D-4E5F-8A9B-0C1D2E3F4A5B'),
      'erased-3f0e8a4c1b2d4e5f8a9b0c1d2e3f4a5b',
    );
  });

  it('refuses what is not a UUID', () => {
    assert.throws(() => pseudonymFrom('bob'));
  });
});
