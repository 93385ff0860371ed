import type { FilterQuery, Model } from 'mongoose';
import type {
  InboxPosition,
  MemberChannelsPage,
  MemberChannelsQuery,
} from '../../../application/ports/channel-repository.port';
import { toChannelListing, type ChannelDocument } from './schemas/channel.schema';

const FILTER_FIELDS = [
  'channel_type',
  'host_application_id',
  'context_object_type',
  'context_object_id',
] as const;

/** The inbox order (application/channels/inbox-order.ts), served by the {member_ids, last_activity_at, _id} index. */
const INBOX_SORT = { last_activity_at: -1, _id: -1 } as const;

/**
 * One query: a user's channels in the inbox order, sorted and limited by the database (on MongoDB an
 * index walk that stops at the limit; FerretDB v1 fetches the user's channels and sorts them), each
 * with its last message. Without a query, every channel of the user.
 */
export async function pageOfMemberChannels(
  channels: Model<ChannelDocument>,
  userId: string,
  query?: MemberChannelsQuery,
): Promise<MemberChannelsPage> {
  const find = channels.find(memberChannelsFilter(userId, query)).sort(INBOX_SORT);
  const docs = await (query ? find.limit(query.limit + 1) : find).lean<ChannelDocument[]>();
  const listings = docs.slice(0, query?.limit ?? docs.length).map(toChannelListing);
  return { listings, has_more: docs.length > listings.length };
}

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
