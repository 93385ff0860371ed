import { ValidationError } from '../../domain/shared/domain-error';
import { InboxPosition } from '../ports/channel-repository.port';

/*
 * The inbox order: most recent activity first, ties broken by channel id (descending) so that the
 * order is total and a keyset cursor never skips or repeats a channel. Shared by every
 * ReadStateRepository implementation.
 */

export function compareInbox(a: InboxPosition, b: InboxPosition): number {
  const byTime = b.last_activity_at.getTime() - a.last_activity_at.getTime();
  if (byTime !== 0) return byTime;
  if (a.channel_id === b.channel_id) return 0;
  return a.channel_id < b.channel_id ? 1 : -1;
}

/** The cursor is opaque to clients: base64url of JSON [last_activity_at ISO, channel_id]. */
export function encodeInboxCursor(position: InboxPosition): string {
  const json = JSON.stringify([position.last_activity_at.toISOString(), position.channel_id]);
  return Buffer.from(json, 'utf8').toString('base64url');
}

/** The position a cursor holds; undefined without one. A cursor it did not make is refused. */
export function decodeInboxCursor(cursor: string | undefined): InboxPosition | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const [at, channelId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const date = new Date(String(at));
    // The channel id is compared in a query: anything but a channel id (a UUID) is refused here.
    if (typeof at !== 'string' || !isChannelId(channelId) || Number.isNaN(date.getTime())) throw new Error();
    return { last_activity_at: date, channel_id: channelId };
  } catch {
    throw new ValidationError('cursor is not valid', { field: 'cursor' });
  }
}

function isChannelId(raw: unknown): raw is string {
  return (
    typeof raw === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(raw)
  );
}
