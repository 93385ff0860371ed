import { ChannelContext } from './channel-context';

/*
 * Uniqueness keys. Every channel stores both keys and the persistence layer puts a unique index on
 * each. FerretDB v1 has no partial or sparse indexes, so a key cannot be "absent for other types":
 * a channel that does not need a key uses its own id, which never collides. JSON arrays keep the
 * parts unambiguous whatever characters the ids contain, and cannot look like a UUID.
 */

/** One direct channel per unordered pair of users. */
export function directKey(userA: string, userB: string): string {
  return JSON.stringify([userA, userB].sort());
}

/** One contextual channel per (host_application_id, context_object_type, context_object_id). */
export function contextKey(context: ChannelContext): string {
  return JSON.stringify([
    context.host_application_id,
    context.context_object_type,
    context.context_object_id,
  ]);
}
