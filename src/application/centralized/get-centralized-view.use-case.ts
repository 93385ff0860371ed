import { assertCanRead } from '../../domain/access/access-policy';
import { ChannelNotFoundError } from '../../domain/channel/channel.errors';
import { byChannel, channelViewsFor } from '../channels/channel-views';
import { ChannelListing, ChannelRepository } from '../ports/channel-repository.port';
import { MessageRepository } from '../ports/message-repository.port';
import { ReadStateRepository } from '../ports/read-state-repository.port';
import { UserBlocks } from '../ports/user-blocks.port';
import { DEFAULT_LIMIT } from '../shared/params';
import { ChannelView } from '../views/channel.view';
import { MessageView, toMessageView } from '../views/message.view';
import { seenBy } from '../views/moderation.view';

export interface GetCentralizedViewInput {
  userId: string;
  /** The anchor channel; without it, `channel` is null and `messages` empty. */
  channelId?: string;
  /** Size of the anchor's latest page of messages: 1-100, default 50. */
  limit?: number | null;
  /** Whether muted channels count in the totals (default false); they are listed either way. */
  include_muted?: boolean | null;
}

export interface CentralizedView {
  channel: ChannelView | null;
  messages: MessageView[];
  conversations: ChannelView[];
  /** Over the conversations: muted ones count only with include_muted (as unread.update's total_unread). */
  totals: { unread_channels: number; unread_messages: number };
}

/**
 * The centralized chat screen in one call: the anchor channel and its latest messages, and every
 * conversation of the caller (muted ones too, flagged is_muted), most recent activity first, with
 * their unread totals. Muted channels stay out of the totals unless include_muted is true, as a
 * muted channel in Slack is listed, greyed, but raises no badge.
 * Every conversation and the caller's rows are two reads, whatever their number; the anchor is one
 * of the conversations, so only its page of messages is read besides.
 * @throws ChannelNotFoundError (anchor not visible to the caller).
 */
export class GetCentralizedView {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly messages: MessageRepository,
    private readonly readStates: ReadStateRepository,
    private readonly blocks: UserBlocks,
  ) {}

  async execute(input: GetCentralizedViewInput): Promise<CentralizedView> {
    const limit = input.limit ?? DEFAULT_LIMIT;
    const includeMuted = input.include_muted ?? false;
    const [listings, states, blocked] = await Promise.all([
      this.channels.listByMember(input.userId),
      this.readStates.findByUser(input.userId),
      this.blocks.blockedBy(input.userId),
    ]);
    const conversations = channelViewsFor(listings, byChannel(states), input.userId, blocked);
    const anchor =
      input.channelId === undefined
        ? null
        : await this.anchor(input.userId, input.channelId, listings, conversations, limit, blocked);
    const counted = conversations.filter((c) => includeMuted || !c.is_muted);
    return {
      channel: anchor?.channel ?? null,
      messages: anchor?.messages ?? [],
      conversations,
      totals: {
        unread_channels: counted.filter((c) => c.unread_count > 0).length,
        unread_messages: counted.reduce((sum, c) => sum + c.unread_count, 0),
      },
    };
  }

  /** The anchor is visible to the caller exactly when it is one of their conversations. */
  private async anchor(
    userId: string,
    channelId: string,
    listings: readonly ChannelListing[],
    conversations: readonly ChannelView[],
    limit: number,
    blocked: ReadonlySet<string>,
  ) {
    const index = listings.findIndex((l) => l.channel.id === channelId);
    if (index < 0) throw new ChannelNotFoundError();
    const channel = listings[index].channel;
    assertCanRead(channel, userId);
    const page = await this.messages.page(channel.id, { limit, knownLastSeq: channel.lastMessageSeq });
    const messages = page.messages.map((m) => seenBy(toMessageView(m, userId), blocked));
    return { channel: conversations[index], messages };
  }
}
