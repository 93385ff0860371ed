import { ValidationError } from '../shared/domain-error';
import { UserId } from '../user/user-id';

/** One user blocking another, in one tenant. */
export interface UserBlockPrimitives {
  blocker_id: string;
  blocked_id: string;
  created_at: Date;
}

/** A block of someone else (blocking oneself is refused as a mistake in `user_id`). */
export function newUserBlock(blockerId: string, blockedId: string, now: Date): UserBlockPrimitives {
  const blocked = UserId.parse(blockedId);
  if (blocked === blockerId) throw new ValidationError('you cannot block yourself', { field: 'user_id' });
  return { blocker_id: blockerId, blocked_id: blocked, created_at: now };
}
