import { assertCanRead } from '../../domain/access/access-policy';
import { channelViewFor, channelViewsFor } from '../channels/channel-views';
import { loadChannel } from '../channels/load-channel';
import { ChannelRepository } from '../ports/channel-repository.port';
import { MessageRepository } from '../ports/message-repository.port';
import { ReadStateRepository, UserChannelState } from '../ports/read-state-repository.port';
import { optionalBoolean, parseLimit } from '../shared/params';
import { ChannelView } from '../views/channel.view';
import { MessageView, toMessageView } from '../views/message.view';

export interface GetCentralizedViewInput {
  userId: string;
  /** The anchor channel; without it, `channel` is null and `messages` empty. */
  channelId?: string;
  /** Size of the anchor's latest page of messages: 1-100, default 50. */
  limit?: unknown;
  /** Whether muted channels count in the totals (default false); they are listed either way. */
  include_muted?: unknown;
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
 * @throws ChannelNotFoundError (anchor not visible to the caller), ValidationError.
 */
export class GetCentralizedView {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly messages: MessageRepository,
    private readonly readStates: ReadStateRepository,
  ) {}

  async execute(input: GetCentralizedViewInput): Promise<CentralizedView> {
    const limit = parseLimit(input.limit);
    const includeMuted = optionalBoolean(input.include_muted, 'include_muted', false);
    const anchor =
      input.channelId === undefined ? null : await this.anchor(input.userId, input.channelId, limit);
    const conversations = await this.conversations(input.userId);
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

  private async anchor(userId: string, channelId: string, limit: number) {
    const channel = await loadChannel(this.channels, channelId);
    assertCanRead(channel, userId);
    const state = await this.readStates.find(userId, channel.id);
    const page = await this.messages.page(channel.id, { limit, knownLastSeq: channel.lastMessageSeq });
    return {
      channel: await channelViewFor(channel, state, this.messages),
      messages: page.messages.map(toMessageView),
    };
  }

  private async conversations(userId: string): Promise<ChannelView[]> {
    const states = await this.readStates.listByUser(userId);
    const found = new Map(
      (await this.channels.findManyByIds(states.map((s) => s.channel_id))).map((c) => [c.id, c]),
    );
    const visible = states.filter((s) => found.get(s.channel_id)?.participant(userId));
    const byChannel = new Map<string, UserChannelState>(visible.map((s) => [s.channel_id, s]));
    return channelViewsFor(
      visible.map((s) => found.get(s.channel_id)!),
      byChannel,
      this.messages,
    );
  }
}
