import type { ChannelType } from '../../domain/channel/channel-type';
import { optionalText } from '../../domain/shared/text';
import { ChannelListing, ChannelRepository, InboxFilter } from '../ports/channel-repository.port';
import { ReadStateRepository } from '../ports/read-state-repository.port';
import { UserBlocks } from '../ports/user-blocks.port';
import { DEFAULT_LIMIT } from '../shared/params';
import { ChannelView } from '../views/channel.view';
import { byChannel, channelViewsFor } from './channel-views';
import { decodeInboxCursor, encodeInboxCursor } from './inbox-order';

export interface ListChannelsInput {
  userId: string;
  channel_type?: ChannelType;
  host_application_id?: string;
  context_object_type?: string;
  context_object_id?: string;
  /** 1-100, default 50. */
  limit?: number;
  /** next_cursor of the previous page. */
  cursor?: string;
}

export interface ListChannelsResult {
  results: ChannelView[];
  /** Opaque; null on the last page. */
  next_cursor: string | null;
}

/**
 * The caller's channels, most recent activity first, filtered by type and context, keyset-paginated.
 * Two reads whatever the number of channels: the page of channels (each with its last message), then
 * the caller's rows of those channels only.
 * @throws ValidationError for a cursor it did not make, or a blank context filter.
 */
export class ListChannels {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly readStates: ReadStateRepository,
    private readonly blocks: UserBlocks,
  ) {}

  async execute(input: ListChannelsInput): Promise<ListChannelsResult> {
    const limit = input.limit ?? DEFAULT_LIMIT;
    const after = decodeInboxCursor(input.cursor);
    const [page, blocked] = await Promise.all([
      this.channels.pageByMember(input.userId, { ...parseFilter(input), limit, after }),
      this.blocks.blockedBy(input.userId),
    ]);
    const ids = page.listings.map((l) => l.channel.id);
    const states = ids.length === 0 ? [] : await this.readStates.findByUser(input.userId, ids);
    return {
      results: channelViewsFor(page.listings, byChannel(states), input.userId, blocked),
      next_cursor: page.has_more ? cursorAfter(page.listings) : null,
    };
  }
}

function parseFilter(input: ListChannelsInput): InboxFilter {
  const filter: InboxFilter = {};
  if (input.channel_type !== undefined) filter.channel_type = input.channel_type;
  for (const field of ['host_application_id', 'context_object_type', 'context_object_id'] as const) {
    const value = optionalText(input[field], { field, max: 256 });
    if (value !== null) filter[field] = value;
  }
  return filter;
}

function cursorAfter(listings: readonly ChannelListing[]): string | null {
  const last = listings.at(-1)?.channel;
  return last ? encodeInboxCursor({ last_activity_at: last.lastActivityAt, channel_id: last.id }) : null;
}
