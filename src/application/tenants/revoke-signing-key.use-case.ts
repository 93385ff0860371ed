import type { SigningKey } from '../../domain/tenant/signing-key';
import { SigningKeyNotFoundError } from '../../domain/tenant/signing-key.errors';
import { TenantNotFoundError } from '../../domain/tenant/tenant.errors';
import type { Clock } from '../ports/clock.port';
import type { TenantDirectory } from '../ports/tenant-directory.port';
import type { SigningKeyChanges, TenantSigningKeys } from '../ports/tenant-signing-keys.port';

/**
 * Revokes one of a tenant's signing keys: tokens it signed stop verifying on every API node (the
 * change is announced to all of them). Revoking a revoked key changes nothing and announces again,
 * so a call that failed after the write (the announcement did not go out) is safe to repeat.
 * @throws TenantNotFoundError, SigningKeyNotFoundError.
 */
export class RevokeSigningKey {
  constructor(
    private readonly tenants: TenantDirectory,
    private readonly keys: TenantSigningKeys,
    private readonly changes: SigningKeyChanges,
    private readonly clock: Clock,
  ) {}

  async execute(input: { slug: string; kid: string }): Promise<SigningKey> {
    if (!(await this.tenants.find(input.slug))) throw new TenantNotFoundError(input.slug);
    const key = await this.keys.revoke(input.slug, input.kid, this.clock.now());
    if (!key) throw new SigningKeyNotFoundError(input.kid);
    await this.changes.announce(input.slug);
    return key;
  }
}
