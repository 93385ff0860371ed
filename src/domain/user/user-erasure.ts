import { ConflictError } from '../shared/domain-error';

/*
 * Erasing a user (data rights). Their messages stay in their channels so that the conversation keeps
 * its shape (ids, seqs, threads, unread counts), but nothing in them names the user any more: the
 * author becomes a pseudonym, and by default the message becomes a tombstone.
 * - `tombstone` (default): content and file removed, deleted_at set, as a deletion does;
 * - `anonymise`: the content stays (a support team may need the conversation), the author does not.
 * The pseudonym is random, not derived from the user id: a hash of the id could be recomputed by
 * anyone who knows the id, which would make the erased messages theirs again (docs/decisions.md).
 */
export const ERASURE_MODES = ['tombstone', 'anonymise'] as const;
export type ErasureMode = (typeof ERASURE_MODES)[number];
export const DEFAULT_ERASURE_MODE: ErasureMode = 'tombstone';

/** The prefix of every pseudonym: `erased-` then 32 hex digits. */
export const PSEUDONYM_PREFIX = 'erased-';

/** One user's erasure, recorded before it changes anything so that a retry goes on with the same pseudonym. */
export interface UserErasure {
  user_id: string;
  pseudonym: string;
  mode: ErasureMode;
  started_at: Date;
}

/** The pseudonym made of a random UUID (v4: 122 random bits), which says nothing of the user. */
export function pseudonymFrom(randomUuid: string): string {
  const hex = randomUuid.replace(/-/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new Error(`not a UUID: ${randomUuid}`);
  return `${PSEUDONYM_PREFIX}${hex}`;
}

/** An erasure of the user in the other mode is in progress: finish it in that mode first. */
export class ErasureModeConflictError extends ConflictError {
  constructor(inProgress: ErasureMode) {
    super(`an erasure of this user in mode '${inProgress}' is in progress; run it again with that mode`, {
      mode: inProgress,
    });
  }
}
