import { UserProfile } from '../../domain/user/user-profile';

/** Profiles of one tenant's users, as their tokens describe them. Users need no profile to be added to a channel. */
export interface UserDirectory {
  /** Creates or replaces the user's name and user_type; returns what is stored. */
  upsert(profile: UserProfile): Promise<UserProfile>;

  /** The profile, or null for a user who never connected. */
  get(userId: string): Promise<UserProfile | null>;
}
