import { randomBytes } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import type { NewPublicKey, TenantSigningKeys } from '../../../application/ports/tenant-signing-keys.port';
import type { IssuedSigningKey, SigningAlgorithm, SigningKey } from '../../../domain/tenant/signing-key';
import { SecretKeysDisabledError, SigningKeyExistsError } from '../../../domain/tenant/signing-key.errors';
import type { SealedSecret, SecretBox } from '../secret-box';
import { isDuplicateKey } from './mongo-errors';

interface TenantKeyDocument extends Omit<SigningKey, 'tenant'> {
  tenant: string;
  /** HS256 only, encrypted (SecretBox); removed when the key is revoked. */
  secret: SealedSecret | null;
}

/** What a verifier needs of a valid key: HS256 with its secret in clear, or a public key. */
export interface StoredVerificationKey {
  kid: string;
  alg: SigningAlgorithm;
  secret: string | null;
  publicKey: string | null;
}

// One document per key rather than an array in the tenant's document: FerretDB v1's updates are not
// atomic under concurrency, while its unique indexes are reliable (README, FerretDB).
const tenantKeySchema = new Schema<TenantKeyDocument>(
  {
    tenant: { type: String, required: true },
    kid: { type: String, required: true },
    alg: { type: String, required: true },
    created_at: { type: Date, required: true },
    revoked_at: { type: Date, default: null },
    public_key: { type: String, default: null },
    secret: { type: Schema.Types.Mixed, default: null },
  },
  { collection: 'tenant_keys', versionKey: false, autoIndex: false, id: false },
);
// A kid names one key of its tenant (the verifier looks keys up by {tenant, kid}); the index also
// serves the loads by tenant.
tenantKeySchema.index({ tenant: 1, kid: 1 }, { unique: true });

/**
 * The tenants' signing keys in the control database's `tenant_keys`. HS256 secrets are generated here
 * (32 random bytes, base64url) and stored sealed by `box`; without a box (no TENANT_KEYS_SECRET) no
 * secret is issued. `onUnreadable` hears of a stored secret that does not decrypt (never the secret).
 */
export class MongoTenantSigningKeys implements TenantSigningKeys {
  private readonly model: Model<TenantKeyDocument>;
  private indexes?: Promise<void>;

  constructor(
    control: Connection,
    private readonly box: SecretBox | null,
    private readonly onUnreadable: (tenant: string, kid: string, error: Error) => void = () => undefined,
  ) {
    this.model =
      (control.models.TenantKey as Model<TenantKeyDocument> | undefined) ??
      control.model<TenantKeyDocument>('TenantKey', tenantKeySchema);
  }

  async issueSecret(tenant: string, kid: string | undefined, now: Date): Promise<IssuedSigningKey> {
    if (!this.box) throw new SecretKeysDisabledError();
    const id = kid ?? newKeyId();
    const secret = randomBytes(32).toString('base64url');
    const sealed = this.box.seal(secret, sealContext(tenant, id));
    const key = await this.insert({ tenant, kid: id, alg: 'HS256', public_key: null, secret: sealed }, now);
    return { key, secret };
  }

  registerPublicKey(tenant: string, input: NewPublicKey, now: Date): Promise<SigningKey> {
    const { alg, publicKey, kid } = input;
    return this.insert({ tenant, kid: kid ?? newKeyId(), alg, public_key: publicKey, secret: null }, now);
  }

  async list(tenant: string): Promise<SigningKey[]> {
    const docs = await this.model.find({ tenant }).lean();
    return docs.map(toSigningKey).sort((a, b) => +a.created_at - +b.created_at || a.kid.localeCompare(b.kid));
  }

  async removeAll(tenant: string): Promise<void> {
    await this.model.deleteMany({ tenant });
  }

  async revoke(tenant: string, kid: string, now: Date): Promise<SigningKey | null> {
    const doc = await this.model.findOne({ tenant, kid }).lean();
    if (!doc) return null;
    if (doc.revoked_at) return toSigningKey(doc);
    // A plain $set from the admin API; a second revocation racing it writes the same thing.
    await this.model.updateOne({ tenant, kid }, { $set: { revoked_at: now, secret: null } });
    return toSigningKey({ ...doc, revoked_at: now });
  }

  /** The tenant's valid keys, secrets decrypted: one query, for the verifier's cache. */
  async verificationKeys(tenant: string): Promise<StoredVerificationKey[]> {
    const docs = await this.model.find({ tenant }).lean();
    return docs.flatMap((doc): StoredVerificationKey[] => {
      if (doc.revoked_at) return [];
      if (doc.alg !== 'HS256')
        return [{ kid: doc.kid, alg: doc.alg, secret: null, publicKey: doc.public_key }];
      const secret = this.opened(doc);
      return secret === null ? [] : [{ kid: doc.kid, alg: doc.alg, secret, publicKey: null }];
    });
  }

  private opened(doc: TenantKeyDocument): string | null {
    try {
      if (!this.box) throw new Error('TENANT_KEYS_SECRET is not set');
      if (!doc.secret) throw new Error('no secret stored');
      return this.box.open(doc.secret, sealContext(doc.tenant, doc.kid));
    } catch (error) {
      this.onUnreadable(doc.tenant, doc.kid, error as Error);
      return null;
    }
  }

  private async insert(
    doc: Omit<TenantKeyDocument, 'created_at' | 'revoked_at'>,
    now: Date,
  ): Promise<SigningKey> {
    await this.ensureIndexes();
    const full: TenantKeyDocument = { ...doc, created_at: now, revoked_at: null };
    try {
      await this.model.create(full);
    } catch (error) {
      if (isDuplicateKey(error)) throw new SigningKeyExistsError(doc.kid);
      throw error;
    }
    return toSigningKey(full);
  }

  /** The collection and its unique index, once per process (before the first write). */
  private ensureIndexes(): Promise<void> {
    this.indexes ??= (async () => {
      await this.model.createCollection().catch((error: { code?: number }) => {
        if (error.code !== 48) throw error; // 48: NamespaceExists
      });
      await this.model.createIndexes();
    })().catch((error: unknown) => {
      this.indexes = undefined;
      throw error;
    });
    return this.indexes;
  }
}

/** The sealed secret's additional data: it decrypts in its own row only. */
function sealContext(tenant: string, kid: string): string {
  return `tenant_keys/${tenant}/${kid}`;
}

function newKeyId(): string {
  return `k-${randomBytes(8).toString('hex')}`;
}

function toSigningKey(doc: TenantKeyDocument): SigningKey {
  return {
    tenant: doc.tenant,
    kid: doc.kid,
    alg: doc.alg,
    created_at: doc.created_at,
    revoked_at: doc.revoked_at ?? null,
    public_key: doc.public_key ?? null,
  };
}
