import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** A secret as stored: AES-256-GCM ciphertext, its IV and tag (base64), and which deployment key sealed it. */
export interface SealedSecret {
  /** The scheme: 1 is AES-256-GCM under an HKDF-SHA256 key, 12-byte IV, the row's identity as AAD. */
  v: 1;
  /** Names the deployment key (a digest that reveals nothing of it), so a mismatch is reported as such. */
  key_id: string;
  iv: string;
  tag: string;
  data: string;
}

const SALT = 'chat-backend:tenant-signing-keys';
const INFO = 'aes-256-gcm:v1';

/**
 * Encrypts secrets at rest with a key derived from the deployment's TENANT_KEYS_SECRET (HKDF-SHA256):
 * a random IV per secret, and `context` (the row it belongs to) as additional data, so a ciphertext
 * copied into another tenant's row does not decrypt.
 */
export class SecretBox {
  readonly keyId: string;
  private readonly key: Buffer;

  constructor(deploymentSecret: string) {
    this.key = Buffer.from(hkdfSync('sha256', deploymentSecret, SALT, INFO, 32));
    this.keyId = createHmac('sha256', this.key).update('key id').digest('hex').slice(0, 16);
  }

  seal(plaintext: string, context: string): SealedSecret {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(context, 'utf8'));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return {
      v: 1,
      key_id: this.keyId,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    };
  }

  /** The plaintext; throws SecretUnreadableError for another deployment key, another row, or altered bytes. */
  open(sealed: SealedSecret, context: string): string {
    if (sealed.v !== 1) throw new SecretUnreadableError(`unknown scheme ${String(sealed.v)}`);
    if (sealed.key_id !== this.keyId)
      throw new SecretUnreadableError('sealed with another TENANT_KEYS_SECRET');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(sealed.iv, 'base64'))
        .setAAD(Buffer.from(context, 'utf8'))
        .setAuthTag(Buffer.from(sealed.tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new SecretUnreadableError('authentication failed');
    }
  }
}

export class SecretUnreadableError extends Error {
  constructor(reason: string) {
    super(`the stored secret cannot be decrypted: ${reason}`);
    this.name = 'SecretUnreadableError';
  }
}
