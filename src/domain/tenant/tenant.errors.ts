import { ConflictError, NotFoundError } from '../shared/domain-error';

export class TenantNotFoundError extends NotFoundError {
  override readonly code = 'tenant_not_found';

  constructor(slug: string) {
    super(`tenant "${slug}" does not exist`);
  }
}

export class TenantExistsError extends ConflictError {
  override readonly code = 'tenant_exists';

  constructor(slug: string) {
    super(`tenant "${slug}" already exists`);
  }
}
