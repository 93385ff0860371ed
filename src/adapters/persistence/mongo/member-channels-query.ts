import type { FilterQuery } from 'mongoose';
import type { InboxPosition, MemberChannelsQuery } from '../../../application/ports/channel-repository.port';
import type { ChannelDocument } from './schemas/channel.schema';

const FILTER_FIELDS = [
  'channel_type',
  'host_application_id',
  'context_object_type',
  'context_object_id',
] as const;

/** The inbox order (application/channels/inbox-order.ts), served by the {member_ids, last_activity_at, _id} index. */
export const INBOX_SORT = { last_activity_at: -1, _id: -1 } as const;

/**
 * A user's channels: `member_ids` and the filter's fields are top-level equalities, which FerretDB
 * v1 hands to its storage; the keyset condition (after the cursor) is filtered in its memory, and on
 * MongoDB bounds the index scan.
 */
export function memberChannelsFilter(
  userId: string,
  query: Partial<MemberChannelsQuery> = {},
): FilterQuery<ChannelDocument> {
  const filter: FilterQuery<ChannelDocument> = { member_ids: userId };
  for (const field of FILTER_FIELDS) if (query[field] !== undefined) filter[field] = query[field];
  if (query.after) filter.$or = afterPosition(query.after);
  return filter;
}

function afterPosition(after: InboxPosition): FilterQuery<ChannelDocument>[] {
  return [
    { last_activity_at: { $lt: after.last_activity_at } },
    { last_activity_at: after.last_activity_at, _id: { $lt: after.channel_id } },
  ];
}
