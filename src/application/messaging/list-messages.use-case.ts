import { Channel } from '../../domain/channel/channel.entity';
import { loadMessageIn, loadReadableChannel } from '../shared/load-channel';
import { ChannelRepository } from '../ports/channel-repository.port';
import { MessagePageQuery, MessageRepository } from '../ports/message-repository.port';
import { UserBlocks } from '../ports/user-blocks.port';
import { DEFAULT_LIMIT } from '../shared/params';
import { MessageView, toMessageView } from '../views/message.view';
import { seenBy } from '../views/moderation.view';

export interface ListMessagesInput {
  userId: string;
  channelId: string;
  /** Message ids, exclusive; `after` may be 0, "from the first message". */
  before?: number;
  after?: number;
  /** 1-100, default 50. */
  limit?: number;
  /** Only this thread's replies. */
  parent_id?: number;
}

export interface ListMessagesResult {
  results: MessageView[];
  has_more_before: boolean;
  has_more_after: boolean;
}

/**
 * A page of history, ascending. Without before/after: the latest page. With `before`: the latest
 * `limit` messages before it; with `after`: the first `limit` after it (after 0: the first `limit`); with both: the first `limit`
 * between them. The channel's history includes thread replies (each carries its parent_id, as in
 * Mattermost), so seq has no gaps a client would mistake for lost messages; `parent_id` gives a
 * thread's replies alone (a reply's id gives its whole thread). Messages of users the caller blocked
 * are there too, flagged `from_blocked_user` for the caller's client.
 * @throws ChannelNotFoundError, MessageNotFoundError (a bound or parent not in this channel).
 */
export class ListMessages {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly messages: MessageRepository,
    private readonly blocks: UserBlocks,
  ) {}

  async execute(input: ListMessagesInput): Promise<ListMessagesResult> {
    const [{ channel }, blocked] = await Promise.all([
      loadReadableChannel(this.channels, input.channelId, input.userId),
      this.blocks.blockedBy(input.userId),
    ]);
    const page = await this.messages.page(channel.id, await this.queryFor(channel, input));
    return {
      results: page.messages.map((m) => seenBy(toMessageView(m, input.userId), blocked)),
      has_more_before: page.has_more_before,
      has_more_after: page.has_more_after,
    };
  }

  private async queryFor(channel: Channel, input: ListMessagesInput): Promise<MessagePageQuery> {
    const query: MessagePageQuery = {
      limit: input.limit ?? DEFAULT_LIMIT,
      knownLastSeq: channel.lastMessageSeq,
    };
    const before = await this.resolve(channel, input.before);
    // after=0 is "from the start" (every id is above 0): a client holding no message pages forward.
    const after = input.after === 0 ? { seq: 0 } : await this.resolve(channel, input.after);
    const parent = await this.resolve(channel, input.parent_id);
    if (before) query.beforeSeq = before.seq;
    if (after) query.afterSeq = after.seq;
    if (parent) query.parentId = parent.parentId ?? parent.id;
    return query;
  }

  private async resolve(
    channel: Channel,
    id: number | undefined,
  ): Promise<{ id: number; seq: number; parentId: number | null } | null> {
    return id === undefined ? null : loadMessageIn(this.messages, channel, id);
  }
}
