import { ValidationError } from '../shared/domain-error';
import { UserType } from '../user/user-type';

export const PARTICIPANT_ROLES = ['admin', 'member', 'guest'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export function parseRole(raw: unknown, field = 'role'): ParticipantRole {
  if (typeof raw === 'string' && (PARTICIPANT_ROLES as readonly string[]).includes(raw)) {
    return raw as ParticipantRole;
  }
  throw new ValidationError(`${field} must be one of ${PARTICIPANT_ROLES.join(', ')}`, { field });
}

/** A guest user joins as a guest unless a role is given; everyone else joins as a member. */
export function defaultRoleFor(userType: UserType): ParticipantRole {
  return userType === 'guest' ? 'guest' : 'member';
}
