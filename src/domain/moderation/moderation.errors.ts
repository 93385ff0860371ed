import { ConflictError, ForbiddenError, NotFoundError, RateLimitedError } from '../shared/domain-error';

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** A muted member may read but not send until the mute ends (`until` null: until it is lifted). */
export class MutedError extends ForbiddenError {
  constructor(until: Date | null) {
    super('you are muted in this channel', { reason: 'muted', until: iso(until) });
  }
}

/** A direct channel where one participant blocked the other takes no message from either. */
export class BlockedError extends ForbiddenError {
  constructor(message = 'you cannot message this user') {
    super(message, { reason: 'blocked' });
  }
}

/** The tenant's administrator banned the user from the whole tenant. */
export class TenantBannedError extends ForbiddenError {
  constructor(until: Date | null) {
    super('you are banned from this tenant', { reason: 'banned', until: iso(until) });
  }
}

/** Someone banned from the channel cannot be added back until the ban ends or is lifted. */
export class UserBannedError extends ConflictError {
  constructor(userId: string, until: Date | null) {
    super(`${userId} is banned from this channel`, { reason: 'banned', user_id: userId, until: iso(until) });
  }
}

/** A moderation action that never applies here (a direct channel, oneself, an admin). */
export class NotModeratableError extends ForbiddenError {
  constructor(message: string, action: string) {
    super(message, { action });
  }
}

/** Lifting a ban or a mute (or a block) that is not in force. */
export class RestrictionNotFoundError extends NotFoundError {
  constructor(what: 'ban' | 'mute' | 'block', userId: string) {
    super(`no ${what} of this user`, { user_id: userId });
  }
}

/** Slow mode: one message per `slow_mode_seconds` per member. */
export class SlowModeError extends RateLimitedError {
  constructor(retryAfterSeconds: number) {
    super(`slow mode: retry in ${retryAfterSeconds} s`, {
      scope: 'slow_mode',
      retry_after_seconds: retryAfterSeconds,
    });
  }
}

/** Flags are for other people's messages. */
export class OwnMessageFlagError extends ForbiddenError {
  constructor() {
    super('you cannot flag your own message', { action: 'flag' });
  }
}
