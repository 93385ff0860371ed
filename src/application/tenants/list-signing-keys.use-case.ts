import type { SigningKey } from '../../domain/tenant/signing-key';
import { TenantNotFoundError } from '../../domain/tenant/tenant.errors';
import type { TenantDirectory } from '../ports/tenant-directory.port';
import type { TenantSigningKeys } from '../ports/tenant-signing-keys.port';

/**
 * A tenant's signing keys, revoked ones included, oldest first; never a secret.
 * @throws TenantNotFoundError.
 */
export class ListSigningKeys {
  constructor(
    private readonly tenants: TenantDirectory,
    private readonly keys: TenantSigningKeys,
  ) {}

  async execute(input: { slug: string }): Promise<SigningKey[]> {
    if (!(await this.tenants.find(input.slug))) throw new TenantNotFoundError(input.slug);
    return this.keys.list(input.slug);
  }
}
