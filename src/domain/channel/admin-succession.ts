import { Participant } from '../participant/participant';

/*
 * The last-admin rule. A channel with participants keeps an admin when it can:
 * - the last admin cannot demote themselves while others remain (LastAdminError): they chose to
 *   give up the role, so they should hand it to someone explicitly first;
 * - the last admin can always leave (users expect to be able to leave anything, as in Slack and
 *   Stream); the longest-standing remaining internal participant (earliest joined_at, then user id)
 *   becomes admin. If only guest users remain, nobody is promoted: a guest never manages a channel.
 */

/** The participant to promote when `leaving` goes, or null when nobody needs to be promoted. */
export function successorOf(leaving: Participant, participants: readonly Participant[]): Participant | null {
  const remaining = participants.filter((p) => p.userId !== leaving.userId);
  if (!leaving.isAdmin || remaining.some((p) => p.isAdmin)) return null;
  const candidates = remaining.filter((p) => p.userType === 'internal').sort(bySeniority);
  return candidates[0] ?? null;
}

/** True when demoting `target` would leave the other participants without an admin. */
export function demotionLeavesNoAdmin(target: Participant, participants: readonly Participant[]): boolean {
  const others = participants.filter((p) => p.userId !== target.userId);
  return target.isAdmin && others.length > 0 && !others.some((p) => p.isAdmin);
}

function bySeniority(a: Participant, b: Participant): number {
  const byTime = a.joinedAt.getTime() - b.joinedAt.getTime();
  if (byTime !== 0) return byTime;
  return a.userId < b.userId ? -1 : 1;
}
