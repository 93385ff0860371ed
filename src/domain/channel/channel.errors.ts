import { ConflictError, ForbiddenError, NotFoundError } from '../shared/domain-error';

/**
 * The channel does not exist, or the caller is not one of its participants (no existence leak).
 * It carries no details: the contextual get-or-create finds a channel the caller never named, and
 * its id must not reach them; every channel_not_found is the same bytes.
 */
export class ChannelNotFoundError extends NotFoundError {
  override readonly code = 'channel_not_found';

  constructor() {
    super('channel not found');
  }
}

export class ParticipantNotFoundError extends NotFoundError {
  constructor(userId: string) {
    super('participant not found', { user_id: userId });
  }
}

/** Direct channels are between exactly two users, for their whole life. */
export class DirectChannelMembershipError extends ForbiddenError {
  constructor() {
    super('the participants of a direct channel cannot change');
  }
}

export class DirectChannelRenameError extends ForbiddenError {
  constructor() {
    super('a direct channel has no name');
  }
}

/** A direct channel has no settings: both participants may do what a setting would grant (pin). */
export class DirectChannelSettingError extends ForbiddenError {
  constructor(setting: string) {
    super(`a direct channel has no ${setting} setting`, { setting });
  }
}

/** See admin-succession.ts for the rule. */
export class LastAdminError extends ConflictError {
  constructor() {
    super('the last admin cannot step down while other participants remain; promote someone first');
  }
}
