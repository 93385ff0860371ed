import { ChannelListing } from '../ports/channel-repository.port';
import { UserChannelState } from '../ports/read-state-repository.port';
import { callerStateIn } from '../reading/membership-state';
import { ChannelView, toChannelView } from '../views/channel.view';
import { toMessageView } from '../views/message.view';

/**
 * Channel views for one caller (`viewer`), in the order given, each with its last message (the
 * listing's copy, reactions included: no message is read) and the caller's state (from `states`,
 * keyed by channel id; a missing row reads as a pointer at the start).
 */
export function channelViewsFor(
  listings: readonly ChannelListing[],
  states: ReadonlyMap<string, UserChannelState>,
  viewer: string,
): ChannelView[] {
  return listings.map((listing) => channelViewFor(listing, states.get(listing.channel.id) ?? null, viewer));
}

export function channelViewFor(
  listing: ChannelListing,
  state: UserChannelState | null,
  viewer: string,
): ChannelView {
  const { channel, lastMessage } = listing;
  const last = lastMessage ? toMessageView(lastMessage, viewer) : null;
  return toChannelView(channel, last, callerStateIn(channel, state, last));
}

/** The caller's rows keyed by channel id. */
export function byChannel(states: readonly UserChannelState[]): Map<string, UserChannelState> {
  return new Map(states.map((s) => [s.channel_id, s]));
}
