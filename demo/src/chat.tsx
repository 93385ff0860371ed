import { ChatClient, type Channel, type PresenceStatus } from '@chat-backend/sdk';
import { useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { ChannelView } from './channel-view';
import { describeError } from './errors';
import { Inbox } from './inbox';
import { NewChannel } from './new-channel';
import { PresenceDot } from './presence';
import { mintToken, type Session } from './session';

type Status = Exclude<PresenceStatus, 'offline'>;

/**
 * The signed-in screen: the inbox (most recent first, unread badges and totals) beside the open
 * channel. One ChatClient per session: REST, the inbox's socket and one socket per open channel.
 */
export function Chat({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const client = useMemo(
    () =>
      new ChatClient({ baseUrl: location.origin, tenant: session.tenant, token: () => mintToken(session) }),
    [session],
  );
  const [conversations, setConversations] = useState<Channel[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [status, setStatus] = useState<Status>('online');
  const [online, setOnline] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const refreshTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const refresh = useRef(() => {});

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    // The inbox is read again (one request for every channel and its count) after anything that
    // may reorder it or change a preview; bursts of events make one read.
    refresh.current = () => {
      clearTimeout(refreshTimer.current);
      refreshTimer.current = setTimeout(() => {
        client.rest.inbox(signal).then(
          (view) => setConversations(view.conversations),
          (e) => signal.aborted || setError(describeError(e)),
        );
      }, 100);
    };
    const refreshInbox = () => refresh.current();
    refreshInbox();
    // A new message reorders the inbox; counts and presence redraw from the inbox's own state.
    client.inbox.on('notification', refreshInbox, { signal });
    client.inbox.on('synced', refreshInbox, { signal });
    client.inbox.on('unread', redraw, { signal });
    client.inbox.on('presence', redraw, { signal });
    client.inbox.on('connected', () => setOnline(true), { signal });
    client.inbox.on('disconnected', () => setOnline(false), { signal });
    client.inbox.on('error', (e) => setError(describeError(e)), { signal });
    return () => {
      controller.abort();
      clearTimeout(refreshTimer.current);
      client.close();
    };
  }, [client]);

  const open = conversations.find((c) => c.id === openId) ?? null;
  const changeStatus = (next: Status) => {
    setStatus(next);
    client.inbox.setStatus(next).catch((e) => setError(describeError(e)));
  };

  return (
    <div class={`chat ${open || creating ? 'has-main' : ''}`}>
      <aside class="sidebar" aria-label="Conversations">
        <header class="me">
          <PresenceDot status={online ? status : 'offline'} />
          <strong title={session.userId}>{session.name || session.userId}</strong>
          <span class="hint">@{session.tenant}</span>
          <label class="status">
            <span class="visually-hidden">Status</span>
            <select value={status} onChange={(e) => changeStatus(e.currentTarget.value as Status)}>
              <option value="online">online</option>
              <option value="away">away</option>
              <option value="busy">busy</option>
            </select>
          </label>
          <button type="button" class="link" onClick={onSignOut}>
            Sign out
          </button>
        </header>
        {!online && (
          <p class="offline" role="status">
            Offline: reconnecting…
          </p>
        )}
        <button
          type="button"
          class="new"
          onClick={() => {
            setCreating(true);
            setOpenId(null);
          }}
        >
          + New conversation
        </button>
        <Inbox
          me={session.userId}
          conversations={conversations}
          unread={(id) => client.inbox.unreadCount(id)}
          total={client.inbox.totalUnread}
          statusOf={(userId) => client.inbox.online.get(userId) ?? 'offline'}
          openId={openId}
          onOpen={(id) => {
            setCreating(false);
            setOpenId(id);
          }}
        />
      </aside>
      <main class="main">
        {error && (
          <p class="error banner" role="alert">
            {error}{' '}
            <button type="button" class="link" onClick={() => setError(null)}>
              Dismiss
            </button>
          </p>
        )}
        {creating ? (
          <NewChannel
            client={client}
            onCreated={(channel) => {
              setConversations((list) => [channel, ...list.filter((c) => c.id !== channel.id)]);
              setCreating(false);
              setOpenId(channel.id);
            }}
            onCancel={() => setCreating(false)}
            onError={(e) => setError(describeError(e))}
          />
        ) : open ? (
          <ChannelView
            key={open.id}
            client={client}
            channel={open}
            me={session.userId}
            statusOf={(userId) => client.inbox.online.get(userId) ?? 'offline'}
            onBack={() => setOpenId(null)}
            onActivity={() => refresh.current()}
            onChanged={(channel) =>
              setConversations((list) => list.map((c) => (c.id === channel.id ? channel : c)))
            }
            onError={(e) => setError(describeError(e))}
          />
        ) : (
          <p class="empty">Choose a conversation, or start a new one.</p>
        )}
      </main>
    </div>
  );
}
