import type {
  NewPublicKey,
  SigningKeyChanges,
  TenantSigningKeys,
} from '../../../src/application/ports/tenant-signing-keys.port';
import type { IssuedSigningKey, SigningKey } from '../../../src/domain/tenant/signing-key';
import {
  SecretKeysDisabledError,
  SigningKeyExistsError,
} from '../../../src/domain/tenant/signing-key.errors';

/** The tenants' keys in memory; `issuesSecrets: false` is a deployment without TENANT_KEYS_SECRET. */
export class InMemorySigningKeys implements TenantSigningKeys {
  private readonly keys = new Map<string, SigningKey>();
  private generated = 0;

  constructor(private readonly issuesSecrets = true) {}

  async issueSecret(tenant: string, kid: string | undefined, now: Date): Promise<IssuedSigningKey> {
    if (!this.issuesSecrets) throw new SecretKeysDisabledError();
    const key = this.add({ tenant, kid: kid ?? this.nextKid(), alg: 'HS256', public_key: null }, now);
    return { key, secret: `secret-of-${key.kid}` };
  }

  async registerPublicKey(tenant: string, input: NewPublicKey, now: Date): Promise<SigningKey> {
    return this.add(
      { tenant, kid: input.kid ?? this.nextKid(), alg: input.alg, public_key: input.publicKey },
      now,
    );
  }

  async list(tenant: string): Promise<SigningKey[]> {
    return [...this.keys.values()].filter((key) => key.tenant === tenant).map((key) => ({ ...key }));
  }

  async revoke(tenant: string, kid: string, now: Date): Promise<SigningKey | null> {
    const key = this.keys.get(`${tenant}/${kid}`);
    if (!key) return null;
    key.revoked_at ??= now;
    return { ...key };
  }

  async removeAll(tenant: string): Promise<void> {
    for (const [id, key] of this.keys) if (key.tenant === tenant) this.keys.delete(id);
  }

  private add(key: Omit<SigningKey, 'created_at' | 'revoked_at'>, now: Date): SigningKey {
    const id = `${key.tenant}/${key.kid}`;
    if (this.keys.has(id)) throw new SigningKeyExistsError(key.kid);
    const stored: SigningKey = { ...key, created_at: now, revoked_at: null };
    this.keys.set(id, stored);
    return { ...stored };
  }

  private nextKid(): string {
    this.generated += 1;
    return `k-${this.generated}`;
  }
}

/** The announcements made, in order; `failing` makes each one throw (Redis away). */
export class RecordedSigningKeyChanges implements SigningKeyChanges {
  readonly announced: string[] = [];
  failing = false;

  async announce(tenant: string): Promise<void> {
    if (this.failing) throw new Error('redis unavailable');
    this.announced.push(tenant);
  }
}
