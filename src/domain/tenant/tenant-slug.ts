import { ValidationError } from '../shared/domain-error';

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** A tenant's slug: lower-case letters, digits and dashes, 2-63 characters, not starting with a dash. */
export class TenantSlug {
  private constructor(readonly value: string) {}

  static create(raw: unknown): TenantSlug {
    if (typeof raw !== 'string' || !SLUG.test(raw)) {
      throw new ValidationError('tenant slug must match ^[a-z0-9][a-z0-9-]{1,62}$', { field: 'slug' });
    }
    return new TenantSlug(raw);
  }

  toString(): string {
    return this.value;
  }
}
