import { ParticipantInput } from '../../domain/participant/participant';
import { UserId } from '../../domain/user/user-id';
import { UserDirectory } from '../ports/user-directory.port';

/**
 * A participant listed without a user_type takes the one their token last declared (a known guest
 * joins as a guest, with the guest role); a user never seen is internal. Entries that are not
 * participant inputs, or whose user_id is not a valid UserId, are passed on untouched for the domain
 * to refuse: an invalid id never reaches a lookup.
 */
export function withKnownUserTypes<T>(users: UserDirectory, entries: readonly T[]): Promise<T[]> {
  return Promise.all(
    entries.map(async (entry) => {
      const input = entry as ParticipantInput | null;
      if (typeof input !== 'object' || input === null) return entry;
      if (input.user_type !== undefined || !UserId.isValid(input.user_id)) return entry;
      const known = await users.get(input.user_id);
      return known ? { ...entry, user_type: known.user_type } : entry;
    }),
  );
}
