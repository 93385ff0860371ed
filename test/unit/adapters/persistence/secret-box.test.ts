import assert from 'node:assert/strict';
import { SecretBox } from '../../../../src/adapters/persistence/secret-box';

describe('SecretBox', () => {
  const box = new SecretBox('deployment-secret-0123456789-0123456789');

  it('opens what it sealed, in the same row', () => {
    const sealed = box.seal('the secret', 'tenant_keys/acme/k1');

    assert.equal(box.open(sealed, 'tenant_keys/acme/k1'), 'the secret');
  });

  it('seals the same secret differently each time (a random IV)', () => {
    const [one, two] = [box.seal('same', 'row'), box.seal('same', 'row')];

    assert.notEqual(one.iv, two.iv);
    assert.notEqual(one.data, two.data);
  });

  it('keeps nothing of the plaintext in what it stores', () => {
    const sealed = box.seal('plain-secret-value', 'row');

    assert.ok(!JSON.stringify(sealed).includes('plain-secret-value'));
    assert.ok(!JSON.stringify(sealed).includes(Buffer.from('plain-secret-value').toString('base64')));
  });

  for (const [label, open] of [
    ['in another row (a ciphertext copied to another tenant)', () => box.open(box.seal('s', 'a'), 'b')],
    [
      'with another TENANT_KEYS_SECRET',
      () => new SecretBox('another-secret-0123456789-0123456789-ab').open(box.seal('s', 'a'), 'a'),
    ],
    [
      'after a byte of it changed',
      () => {
        const sealed = box.seal('secret', 'a');
        const data = Buffer.from(sealed.data, 'base64');
        data[0] ^= 1;
        return box.open({ ...sealed, data: data.toString('base64') }, 'a');
      },
    ],
  ] as const) {
    it(`refuses to open ${label}`, () => {
      assert.throws(open, { name: 'SecretUnreadableError' });
    });
  }

  it('names its deployment key by a digest that differs from one secret to another', () => {
    const other = new SecretBox('another-secret-0123456789-0123456789-ab');

    assert.match(box.keyId, /^[0-9a-f]{16}$/);
    assert.notEqual(box.keyId, other.keyId);
  });
});
