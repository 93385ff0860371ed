import { ParticipantInput } from '../../domain/participant/participant';
import { UserId } from '../../domain/user/user-id';
import { UserDirectory } from '../ports/user-directory.port';

/**
 * A participant listed without a user_type takes the one their token last declared (a known guest
 * joins as a guest, with the guest role); a user never seen is internal. An entry whose user_id is
 * not a valid UserId is passed on untouched for the domain to refuse: it never reaches a lookup.
 */
export function withKnownUserTypes<T extends ParticipantInput>(
  users: UserDirectory,
  entries: readonly T[],
): Promise<T[]> {
  return Promise.all(
    entries.map(async (entry) => {
      if (entry.user_type !== undefined || !UserId.isValid(entry.user_id)) return entry;
      const known = await users.get(entry.user_id);
      return known ? { ...entry, user_type: known.user_type } : entry;
    }),
  );
}
