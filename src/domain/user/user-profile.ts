import { optionalText } from '../shared/text';
import { UserId } from './user-id';
import { parseUserType, UserType } from './user-type';

/** What we know about a user: refreshed from token claims each time they connect. */
export interface UserProfile {
  user_id: string;
  name: string | null;
  user_type: UserType;
  updated_at: Date;
}

export function userProfile(userId: unknown, name: unknown, userType: unknown, now: Date): UserProfile {
  return {
    user_id: UserId.parse(userId),
    // An empty name claim means "no name", not a bad token.
    name:
      typeof name === 'string' && name.trim() === '' ? null : optionalText(name, { field: 'name', max: 200 }),
    user_type: parseUserType(userType),
    updated_at: now,
  };
}
