import { optionalText } from '../shared/text';
import { UserId } from './user-id';
import { DEFAULT_USER_TYPE, UserType } from './user-type';

/** What we know about a user: refreshed from token claims each time they connect. */
export interface UserProfile {
  user_id: string;
  name: string | null;
  user_type: UserType;
  updated_at: Date;
}

export function userProfile(
  userId: string,
  name: string | null | undefined,
  userType: UserType | null | undefined,
  now: Date,
): UserProfile {
  return {
    user_id: UserId.parse(userId),
    // An empty name claim means "no name", not a bad token.
    name: name?.trim() === '' ? null : optionalText(name, { field: 'name', max: 200 }),
    user_type: userType ?? DEFAULT_USER_TYPE,
    updated_at: now,
  };
}
