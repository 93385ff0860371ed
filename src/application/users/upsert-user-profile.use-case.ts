import type { UserType } from '../../domain/user/user-type';
import { UserProfile, userProfile } from '../../domain/user/user-profile';
import { Clock } from '../ports/clock.port';
import { UserDirectory } from '../ports/user-directory.port';

export interface UpsertUserProfileInput {
  /** The token's claims: sub, name, user_type. */
  user_id: string;
  name?: string | null;
  user_type?: UserType | null;
}

/**
 * Records the user's profile from their token claims each time they authenticate. A missing
 * user_type means internal; a missing name clears it (the token is the source of truth).
 * @throws ValidationError for a bad user id, name (1-200 characters) or user_type.
 */
export class UpsertUserProfile {
  constructor(
    private readonly users: UserDirectory,
    private readonly clock: Clock,
  ) {}

  async execute(input: UpsertUserProfileInput): Promise<UserProfile> {
    return this.users.upsert(userProfile(input.user_id, input.name, input.user_type, this.clock.now()));
  }
}
