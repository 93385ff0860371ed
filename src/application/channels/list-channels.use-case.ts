import { parseChannelType } from '../../domain/channel/channel-type';
import { optionalText } from '../../domain/shared/text';
import { ChannelRepository } from '../ports/channel-repository.port';
import { MessageRepository } from '../ports/message-repository.port';
import { InboxFilter, ReadStateRepository, UserChannelState } from '../ports/read-state-repository.port';
import { parseLimit } from '../shared/params';
import { ChannelView } from '../views/channel.view';
import { channelViewsFor } from './channel-views';
import { decodeInboxCursor, encodeInboxCursor } from './inbox-order';

export interface ListChannelsInput {
  userId: string;
  channel_type?: unknown;
  host_application_id?: unknown;
  context_object_type?: unknown;
  context_object_id?: unknown;
  limit?: unknown;
  cursor?: unknown;
}

export interface ListChannelsResult {
  results: ChannelView[];
  /** Opaque; null on the last page. */
  next_cursor: string | null;
}

/**
 * The caller's channels, most recent activity first, filtered by type and context, keyset-paginated.
 * @throws ValidationError for a bad filter, limit or cursor.
 */
export class ListChannels {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly readStates: ReadStateRepository,
    private readonly messages: MessageRepository,
  ) {}

  async execute(input: ListChannelsInput): Promise<ListChannelsResult> {
    const limit = parseLimit(input.limit);
    const after = decodeInboxCursor(input.cursor);
    const page = await this.readStates.pageByUser(input.userId, { ...parseFilter(input), limit, after });
    const found = await this.channels.findManyByIds(page.states.map((s) => s.channel_id));
    const byId = new Map(found.map((c) => [c.id, c]));
    // A row can outlive its membership if a removal was interrupted: the channel decides.
    const visible = page.states.filter((s) => byId.get(s.channel_id)?.participant(input.userId));
    const states = new Map(visible.map((s) => [s.channel_id, s]));
    const results = await channelViewsFor(
      visible.map((s) => byId.get(s.channel_id)!),
      states,
      this.messages,
    );
    return { results, next_cursor: page.has_more ? cursorAfter(page.states) : null };
  }
}

function parseFilter(input: ListChannelsInput): InboxFilter {
  const filter: InboxFilter = {};
  if (input.channel_type !== undefined) filter.channel_type = parseChannelType(input.channel_type);
  for (const field of ['host_application_id', 'context_object_type', 'context_object_id'] as const) {
    const value = optionalText(input[field], { field, max: 256 });
    if (value !== null) filter[field] = value;
  }
  return filter;
}

function cursorAfter(states: UserChannelState[]): string | null {
  const last = states.at(-1);
  return last ? encodeInboxCursor(last) : null;
}
