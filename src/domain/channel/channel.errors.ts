import { ConflictError, ForbiddenError, NotFoundError } from '../shared/domain-error';

/** The channel does not exist, or the caller is not one of its participants (no existence leak). */
export class ChannelNotFoundError extends NotFoundError {
  override readonly code = 'channel_not_found';

  constructor(channelId: string) {
    super('channel not found', { channel_id: channelId });
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

/** See admin-succession.ts for the rule. */
export class LastAdminError extends ConflictError {
  constructor() {
    super('the last admin cannot step down while other participants remain; promote someone first');
  }
}
