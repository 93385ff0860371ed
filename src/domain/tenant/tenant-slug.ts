import { ValidationError } from '../shared/domain-error';

/**
 * The one rule for a tenant's slug: lower-case letters, digits and dashes, 2-63 characters, not
 * starting with a dash. The edges' schemas (admin body, chat path, token claim) derive from it.
 */
export const TENANT_SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** A tenant's slug, valid by TENANT_SLUG_PATTERN. */
export class TenantSlug {
  private constructor(readonly value: string) {}

  static create(raw: string): TenantSlug {
    if (!TENANT_SLUG_PATTERN.test(raw)) {
      throw new ValidationError(`tenant slug must match ${TENANT_SLUG_PATTERN.source}`, { field: 'slug' });
    }
    return new TenantSlug(raw);
  }

  toString(): string {
    return this.value;
  }
}
