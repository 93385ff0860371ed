import { ConflictError } from '../shared/domain-error';

/**
 * How many messages a channel may have pinned at once (Slack allows 100, Mattermost a few dozen):
 * enough for the references of a channel, few enough that `GET pinned/` stays one short list.
 */
export const MAX_PINS_PER_CHANNEL = 50;

/** Who pinned a message, and when. */
export interface MessagePin {
  pinned_by: string;
  pinned_at: Date;
}

/** The channel holds MAX_PINS_PER_CHANNEL pins: one must be unpinned first. */
export class PinLimitReachedError extends ConflictError {
  constructor(limit: number) {
    super(`a channel can have at most ${limit} pinned messages; unpin one first`, { limit });
  }
}
