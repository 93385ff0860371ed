import { ChannelNotFoundError } from '../../domain/channel/channel.errors';
import { searchTerms } from '../../domain/message/search-terms';
import { ValidationError } from '../../domain/shared/domain-error';
import type { MessageRepository } from '../ports/message-repository.port';
import type { MessageSearch } from '../ports/message-search.port';
import type { ChannelRepository } from '../ports/channel-repository.port';
import { DEFAULT_LIMIT } from '../shared/params';
import { MessageView, toMessageView } from '../views/message.view';

/** Most words of a query used: each one is a lookup. */
export const MAX_QUERY_TERMS = 5;

export interface SearchMessagesInput {
  userId: string;
  /** The words to find (all of them), matched case- and accent-insensitively. */
  q: string;
  /** Only this channel (the caller's). */
  channel_id?: string;
  /** Only this sender's messages. */
  user_id?: string;
  from?: Date;
  to?: Date;
  /** 1-100, default 50. */
  limit?: number;
  /** next_cursor of the previous page. */
  cursor?: number;
}

export interface SearchMessagesResult {
  results: MessageView[];
  /** Null on the last page. */
  next_cursor: string | null;
}

/**
 * Messages with every word of the query, most recent first, in the caller's channels only (a
 * channel they left is not searched), keyset-paged. Tombstones are never found. One read of the
 * caller's channels (the inbox's), the index's lookups, and the page's messages by id.
 * @throws ValidationError (no searchable word), ChannelNotFoundError (channel_id not the caller's).
 */
export class SearchMessages {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly search: MessageSearch,
    private readonly messages: MessageRepository,
  ) {}

  async execute(input: SearchMessagesInput): Promise<SearchMessagesResult> {
    const terms = searchTerms(input.q).slice(0, MAX_QUERY_TERMS);
    if (terms.length === 0) {
      throw new ValidationError('q must hold a word of two or more letters or digits', { field: 'q' });
    }
    const mine = (await this.channels.listByMember(input.userId)).map((l) => l.channel);
    const searched = input.channel_id === undefined ? mine : mine.filter((c) => c.id === input.channel_id);
    if (input.channel_id !== undefined && searched.length === 0) throw new ChannelNotFoundError();
    const newest = Math.max(0, ...searched.map((c) => c.lastMessageId ?? 0));
    if (newest === 0) return { results: [], next_cursor: null };
    const limit = input.limit ?? DEFAULT_LIMIT;
    const ids = await this.search.find({
      terms,
      channelIds: searched.map((c) => c.id),
      userId: input.user_id,
      from: input.from,
      to: input.to,
      beforeId: Math.min(input.cursor ?? Infinity, newest + 1),
      limit: limit + 1,
    });
    const page = ids.slice(0, limit);
    const found = await this.messages.findManyByIds(page);
    const live = found.filter((m) => !m.isDeleted).sort((a, b) => b.id - a.id);
    return {
      results: live.map((message) => toMessageView(message, input.userId)),
      next_cursor: ids.length > limit ? String(page.at(-1)) : null,
    };
  }
}
