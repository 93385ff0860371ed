import assert from 'node:assert/strict';
import { TenantSlug } from '../../../../src/domain/tenant/tenant-slug';

describe('TenantSlug', () => {
  it('accepts lower-case letters, digits and dashes', () => {
    assert.equal(TenantSlug.create('acme-2').value, 'acme-2');
  });

  it('refuses what does not match ^[a-z0-9][a-z0-9-]{1,62}$', () => {
    for (const bad of ['a', '-acme', 'Acme', 'ac_me', 'a'.repeat(64)]) {
      assert.throws(() => TenantSlug.create(bad), { code: 'validation_error' });
    }
  });
});
