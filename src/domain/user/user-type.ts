import { ValidationError } from '../shared/domain-error';

export const USER_TYPES = ['internal', 'guest'] as const;
export type UserType = (typeof USER_TYPES)[number];

/** Token claims and request bodies may omit user_type: a user is internal unless said otherwise. */
export function parseUserType(raw: unknown, field = 'user_type'): UserType {
  if (raw === undefined || raw === null) return 'internal';
  if (typeof raw === 'string' && (USER_TYPES as readonly string[]).includes(raw)) return raw as UserType;
  throw new ValidationError(`${field} must be one of ${USER_TYPES.join(', ')}`, { field });
}
