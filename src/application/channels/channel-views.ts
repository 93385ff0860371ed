import { ChannelListing } from '../ports/channel-repository.port';
import { UserChannelState } from '../ports/read-state-repository.port';
import { callerStateIn } from '../reading/membership-state';
import { ChannelView, toChannelView } from '../views/channel.view';
import { toMessageView } from '../views/message.view';
import { seenBy } from '../views/moderation.view';

/**
 * Channel views for one caller (`viewer`), in the order given, each with its last message (the
 * listing's copy, reactions included: no message is read) and the caller's state (from `states`,
 * keyed by channel id; a missing row reads as a pointer at the start). Given the ids the caller
 * blocked, each last message says whether its author is one of them (`from_blocked_user`).
 */
export function channelViewsFor(
  listings: readonly ChannelListing[],
  states: ReadonlyMap<string, UserChannelState>,
  viewer: string,
  blocked?: ReadonlySet<string>,
): ChannelView[] {
  return listings.map((listing) =>
    channelViewFor(listing, states.get(listing.channel.id) ?? null, viewer, blocked),
  );
}

export function channelViewFor(
  listing: ChannelListing,
  state: UserChannelState | null,
  viewer: string,
  blocked?: ReadonlySet<string>,
): ChannelView {
  const { channel, lastMessage } = listing;
  const view = lastMessage ? toMessageView(lastMessage, viewer) : null;
  const last = blocked ? seenBy(view, blocked) : view;
  return toChannelView(channel, last, callerStateIn(channel, state, last));
}

/** The caller's rows keyed by channel id. */
export function byChannel(states: readonly UserChannelState[]): Map<string, UserChannelState> {
  return new Map(states.map((s) => [s.channel_id, s]));
}
