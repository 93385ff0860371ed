import type { Channel, PresenceStatus } from '@chat-backend/sdk';
import { PresenceDot } from './presence';

export interface InboxProps {
  me: string;
  conversations: Channel[];
  unread: (channelId: string) => number;
  total: number;
  statusOf: (userId: string) => PresenceStatus;
  openId: string | null;
  onOpen: (channelId: string) => void;
}

/** What a conversation is called: its name, or for a direct chat the other person. */
export function titleOf(channel: Channel, me: string): string {
  if (channel.name) return channel.name;
  const others = channel.participants.filter((p) => p.user_id !== me).map((p) => p.user_id);
  if (channel.channel_type === 'contextual_object') {
    return `${channel.context_object_type} ${channel.context_object_id}`;
  }
  return others.join(', ') || 'just you';
}

/** The caller's conversations, most recent activity first, with unread badges and the total. */
export function Inbox({ me, conversations, unread, total, statusOf, openId, onOpen }: InboxProps) {
  return (
    <nav class="inbox">
      <h2>
        Inbox{' '}
        {total > 0 && (
          <span class="badge total" aria-label={`${total} unread in total`} data-testid="total-unread">
            {total}
          </span>
        )}
      </h2>
      {conversations.length === 0 && <p class="hint">No conversation yet.</p>}
      <ul>
        {conversations.map((channel) => {
          const count = unread(channel.id);
          const other =
            channel.channel_type === 'direct'
              ? channel.participants.find((p) => p.user_id !== me)?.user_id
              : undefined;
          const last = channel.last_message;
          return (
            <li key={channel.id}>
              <button
                type="button"
                class={`conversation ${channel.id === openId ? 'open' : ''} ${count > 0 ? 'unread' : ''}`}
                aria-current={channel.id === openId ? 'true' : undefined}
                data-channel-id={channel.id}
                onClick={() => onOpen(channel.id)}
              >
                {other !== undefined && <PresenceDot status={statusOf(other)} />}
                <span class="title">{titleOf(channel, me)}</span>
                {channel.is_muted && (
                  <span class="muted" title="muted">
                    🔕
                  </span>
                )}
                {count > 0 && (
                  <span class="badge" aria-label={`${count} unread`} data-testid="badge">
                    {count}
                  </span>
                )}
                <span class="preview">
                  {last
                    ? `${last.user_id}: ${last.deleted_at ? 'message deleted' : last.content || '📎 file'}`
                    : 'no messages yet'}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
