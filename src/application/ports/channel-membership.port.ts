/**
 * Whether a user is a participant of a channel, for a check that runs on every socket connection.
 * An implementation may answer "yes" from a cache that forgets a channel's members as soon as one
 * of them is removed (and after a short time anyway); it never answers "no" without asking the
 * channel itself, so that someone just added can connect at once.
 */
export interface ChannelMembership {
  isMember(channelId: string, userId: string): Promise<boolean>;
}
