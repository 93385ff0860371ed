import { ConflictError, ForbiddenError, NotFoundError } from '../shared/domain-error';

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

/** The tenant is suspended: none of its requests, sockets or jobs is served until it is active again. */
export class TenantSuspendedError extends ForbiddenError {
  override readonly code = 'tenant_suspended';

  constructor(slug: string) {
    super(`tenant "${slug}" is suspended`);
  }
}

/** The tenant is being deleted: it can no longer be suspended or reactivated. */
export class TenantDeletingError extends ConflictError {
  constructor(slug: string) {
    super(`tenant "${slug}" is being deleted`);
  }
}
