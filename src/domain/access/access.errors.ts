import { ForbiddenError } from '../shared/domain-error';

/** The caller is a participant, but their role does not allow the action. */
export class InsufficientRoleError extends ForbiddenError {
  override readonly code = 'insufficient_role';

  constructor(action: string, required: string) {
    super(`${action} needs the ${required} role`, { action, required_role: required });
  }
}

/** The caller may see the message but it is not theirs to change. */
export class NotMessageAuthorError extends ForbiddenError {
  constructor(action: string) {
    super(`only the author may ${action} this message`, { action });
  }
}
