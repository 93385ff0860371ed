import { keyId, type SigningKey } from '../../domain/tenant/signing-key';
import { TenantNotFoundError } from '../../domain/tenant/tenant.errors';
import type { Clock } from '../ports/clock.port';
import type { TenantDirectory } from '../ports/tenant-directory.port';
import type { SigningKeyChanges, TenantSigningKeys } from '../ports/tenant-signing-keys.port';

export type AddSigningKeyInput =
  | { slug: string; alg: 'HS256'; kid?: string }
  | { slug: string; alg: 'RS256' | 'ES256'; kid?: string; public_key: string };

export interface AddSigningKeyResult {
  key: SigningKey;
  /** The HS256 secret, shown this once; null for a public key. */
  secret: string | null;
}

/**
 * Adds a signing key to a tenant: an HS256 secret the server generates, or an RS256/ES256 public key
 * the host registers. The tenant's other keys stay valid (rotation without downtime).
 * @throws TenantNotFoundError, ValidationError (kid), SigningKeyExistsError, SecretKeysDisabledError.
 */
export class AddSigningKey {
  constructor(
    private readonly tenants: TenantDirectory,
    private readonly keys: TenantSigningKeys,
    private readonly changes: SigningKeyChanges,
    private readonly clock: Clock,
  ) {}

  async execute(input: AddSigningKeyInput): Promise<AddSigningKeyResult> {
    if (!(await this.tenants.find(input.slug))) throw new TenantNotFoundError(input.slug);
    const kid = input.kid === undefined ? undefined : keyId(input.kid);
    const now = this.clock.now();
    const result =
      input.alg === 'HS256'
        ? await this.keys.issueSecret(input.slug, kid, now)
        : {
            key: await this.keys.registerPublicKey(
              input.slug,
              { alg: input.alg, publicKey: input.public_key, kid },
              now,
            ),
            secret: null,
          };
    // Best effort: a node that missed it loads the tenant's keys again when a token names a kid it
    // does not know (at most once a second per tenant), so the key is usable either way.
    await this.changes.announce(input.slug).catch(() => undefined);
    return result;
  }
}
