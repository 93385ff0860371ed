import { ValidationError } from '../shared/domain-error';
import { optionalText } from '../shared/text';
import { UserId } from '../user/user-id';

/** A ban or a mute of one user: who, until when (null: until lifted), why, and who decided it. */
export interface RestrictionPrimitives {
  user_id: string;
  until: Date | null;
  reason: string | null;
  created_by: string;
  created_at: Date;
}

/** What a moderator gives when restricting someone. */
export interface RestrictionInput {
  user_id: string;
  until?: Date | null;
  reason?: string | null;
  created_by: string;
}

const MAX_REASON = 500;

/**
 * A restriction as given: the user id is checked, `until` must be in the future (a past end would
 * restrict nobody, which is a mistake worth telling) and the reason is 1-500 characters when given.
 */
export function newRestriction(input: RestrictionInput, now: Date): RestrictionPrimitives {
  const until = input.until ?? null;
  if (until !== null && until.getTime() <= now.getTime()) {
    throw new ValidationError('until must be in the future', { field: 'until' });
  }
  return {
    user_id: UserId.parse(input.user_id),
    until,
    reason: optionalText(input.reason, { field: 'reason', max: MAX_REASON }),
    created_by: input.created_by,
    created_at: now,
  };
}

/** Whether the restriction still holds at `now` (one without an end holds until it is lifted). */
export function isInForce(restriction: Pick<RestrictionPrimitives, 'until'>, now: Date): boolean {
  return restriction.until === null || restriction.until.getTime() > now.getTime();
}
