import type { Channel, ChatClient, Message, PresenceStatus } from '@chat-backend/sdk';
import { useEffect, useRef, useState } from 'preact/hooks';
import { titleOf } from './inbox';
import { PresenceDot } from './presence';

interface Props {
  client: ChatClient;
  channel: Channel;
  me: string;
  statusOf: (userId: string) => PresenceStatus;
  onBack: () => void;
  /** Something happened in the channel that the inbox shows (a message, an edit, a deletion). */
  onActivity: () => void;
  onChanged: (channel: Channel) => void;
  onError: (error: unknown) => void;
}

interface Pending {
  key: string;
  content: string;
}

const PAGE = 30;

/** Inserts or replaces a message, keeping seq order. */
function upsert(list: Message[], message: Message): Message[] {
  const at = list.findIndex((m) => m.id === message.id);
  if (at >= 0) return list.map((m, i) => (i === at ? message : m));
  return [...list, message].sort((a, b) => a.seq - b.seq);
}

/**
 * One conversation: history paged upward, live messages in order (the SDK's watch), send with
 * replies, edit and delete of one's own messages, typing both ways, "seen by" from read receipts,
 * presence of the others, mute.
 */
export function ChannelView({
  client,
  channel,
  me,
  statusOf,
  onBack,
  onActivity,
  onChanged,
  onError,
}: Props) {
  const [messages, setMessages] = useState<Message[]>([]);
  const [pending, setPending] = useState<Pending[]>([]);
  const [typing, setTyping] = useState<string[]>([]);
  const [readers, setReaders] = useState(new Map<string, number>());
  const [connected, setConnected] = useState(true);
  const [draft, setDraft] = useState('');
  const [replyTo, setReplyTo] = useState<Message | null>(null);
  const [editing, setEditing] = useState<Message | null>(null);
  const [loadingEarlier, setLoadingEarlier] = useState(false);
  const [watch] = useState(() => client.watch(channel.id));
  const tenant = client.rest.tenant;
  const path = { tenant, id: channel.id };
  const bottom = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    let readTimer: ReturnType<typeof setTimeout> | undefined;
    const markRead = () => {
      clearTimeout(readTimer);
      readTimer = setTimeout(() => {
        if (document.visibilityState === 'visible') watch.markRead().catch(onError);
      }, 150);
    };
    watch.on(
      'message',
      (message) => {
        setMessages((list) => upsert(list, message));
        onActivity();
        if (message.user_id === me) return;
        markRead();
        // Writing reads what came before: the server moves the sender's pointer with the send
        // (and records the receipts), without a message.read event of its own.
        setReaders((map) =>
          new Map(map).set(message.user_id, Math.max(map.get(message.user_id) ?? 0, message.id)),
        );
      },
      { signal },
    );
    const replace = (message: Message) => {
      setMessages((list) => upsert(list, message));
      onActivity();
    };
    watch.on('message.updated', replace, { signal });
    watch.on('message.deleted', replace, { signal });
    watch.on('typing', (change) => setTyping(change.typing.filter((user) => user !== me)), { signal });
    watch.on(
      'message.read',
      (read) => {
        if (read.user_id !== me)
          setReaders((map) => new Map(map).set(read.user_id, read.last_read_message_id));
      },
      { signal },
    );
    watch.on('synced', markRead, { signal });
    watch.on('connected', () => setConnected(true), { signal });
    watch.on('disconnected', () => setConnected(false), { signal });
    watch.on('error', onError, { signal });
    document.addEventListener('visibilitychange', markRead, { signal });
    return () => {
      controller.abort();
      clearTimeout(readTimer);
      watch.close();
    };
  }, [watch]);

  const mine = messages.filter((m) => m.user_id === me && !m.deleted_at);
  const lastMine = mine.at(-1);
  // Who had read my last message when it was loaded: receipts, then live message.read events.
  useEffect(() => {
    if (!lastMine) return;
    const controller = new AbortController();
    client.rest.api
      .GET('/api/chat/{tenant}/channels/{id}/messages/{message_id}/read_by/', {
        params: { path: { ...path, message_id: String(lastMine.id) } },
        signal: controller.signal,
      })
      .then(({ data }) => {
        setReaders((map) => {
          const next = new Map(map);
          for (const { user_id } of data?.results ?? [])
            next.set(user_id, Math.max(next.get(user_id) ?? 0, lastMine.id));
          return next;
        });
      })
      .catch((e) => controller.signal.aborted || onError(e));
    return () => controller.abort();
  }, [lastMine?.id]);

  useEffect(() => bottom.current?.scrollIntoView({ block: 'end' }), [messages.length, pending.length]);

  async function loadEarlier() {
    const first = messages[0];
    if (!first) return;
    setLoadingEarlier(true);
    try {
      const page = await client.rest.messages(channel.id, { before: first.id, limit: PAGE });
      setMessages((list) => page.results.reduce(upsert, list));
    } catch (e) {
      onError(e);
    } finally {
      setLoadingEarlier(false);
    }
  }

  async function submit(event: Event) {
    event.preventDefault();
    const content = draft.trim();
    if (!content) return;
    setDraft('');
    if (editing) {
      const target = editing;
      setEditing(null);
      await client.rest.api
        .PATCH('/api/chat/{tenant}/channels/{id}/messages/{message_id}/', {
          params: { path: { ...path, message_id: String(target.id) } },
          body: { content },
        })
        .then(({ data }) => data && setMessages((list) => upsert(list, data as Message)))
        .catch(onError);
      return;
    }
    const key = `${Date.now()}-${Math.random()}`;
    setPending((list) => [...list, { key, content }]);
    const parent = replyTo;
    setReplyTo(null);
    try {
      // Written offline, the send waits in the SDK's queue and is stored once when the network returns.
      const message = await watch.send(parent ? { content, parent_id: parent.id } : content);
      setMessages((list) => upsert(list, message));
    } catch (e) {
      onError(e);
    } finally {
      setPending((list) => list.filter((p) => p.key !== key));
    }
  }

  async function remove(message: Message) {
    await client.rest.api
      .DELETE('/api/chat/{tenant}/channels/{id}/messages/{message_id}/', {
        params: { path: { ...path, message_id: String(message.id) } },
      })
      .then(({ data }) => data && setMessages((list) => upsert(list, data as Message)))
      .catch(onError);
  }

  async function toggleMute() {
    const action = channel.is_muted
      ? '/api/chat/{tenant}/channels/{id}/unmute/'
      : '/api/chat/{tenant}/channels/{id}/mute/';
    await client.rest.api
      .POST(action, { params: { path } })
      .then(() => onChanged({ ...channel, is_muted: !channel.is_muted }))
      .catch(onError);
  }

  const seenBy = lastMine
    ? [...readers].filter(([user, upTo]) => user !== me && upTo >= lastMine.id).map(([user]) => user)
    : [];
  const others = channel.participants.filter((p) => p.user_id !== me);
  const byId = new Map(messages.map((m) => [m.id, m]));

  return (
    <section class="channel" aria-label={titleOf(channel, me)}>
      <header class="channel-header">
        <button type="button" class="link back" onClick={onBack} aria-label="Back to the inbox">
          ←
        </button>
        <h2>{titleOf(channel, me)}</h2>
        <ul class="people" aria-label="Participants">
          {others.map((p) => (
            <li key={p.user_id} data-user-id={p.user_id}>
              <PresenceDot status={statusOf(p.user_id)} /> {p.user_id}
            </li>
          ))}
        </ul>
        <button type="button" class="link" onClick={toggleMute} aria-pressed={channel.is_muted}>
          {channel.is_muted ? 'Unmute' : 'Mute'}
        </button>
      </header>
      {!connected && (
        <p class="offline" role="status">
          Offline: messages you write are sent when the connection returns.
        </p>
      )}
      <ol class="messages" aria-live="polite">
        {messages[0] && messages[0].seq > 1 && (
          <li class="earlier">
            <button type="button" class="link" disabled={loadingEarlier} onClick={loadEarlier}>
              {loadingEarlier ? 'Loading…' : 'Load earlier messages'}
            </button>
          </li>
        )}
        {messages.map((m) => {
          const parent = m.parent_id ? byId.get(m.parent_id) : undefined;
          const own = m.user_id === me;
          return (
            <li
              key={m.id}
              class={`message ${own ? 'own' : ''} ${m.deleted_at ? 'deleted' : ''}`}
              data-message-id={m.id}
            >
              {m.parent_id && (
                <p class="reply-to">
                  ↪ {parent ? `${parent.user_id}: ${parent.content.slice(0, 60)}` : 'a reply'}
                </p>
              )}
              <p class="meta">
                <strong>{m.user_id}</strong>{' '}
                <time dateTime={m.created_at}>{new Date(m.created_at).toLocaleTimeString()}</time>
                {m.edited_at && !m.deleted_at && <span class="hint"> (edited)</span>}
              </p>
              <p class="content">{m.deleted_at ? 'This message was deleted.' : m.content}</p>
              {!m.deleted_at && (
                <p class="actions">
                  <button type="button" class="link" onClick={() => setReplyTo(m)}>
                    Reply
                  </button>
                  {own && (
                    <>
                      <button
                        type="button"
                        class="link"
                        onClick={() => {
                          setEditing(m);
                          setDraft(m.content);
                        }}
                      >
                        Edit
                      </button>
                      <button type="button" class="link" onClick={() => remove(m)}>
                        Delete
                      </button>
                    </>
                  )}
                </p>
              )}
              {m === lastMine && seenBy.length > 0 && (
                <p class="seen" data-testid="seen-by">
                  Seen by {seenBy.join(', ')}
                </p>
              )}
            </li>
          );
        })}
        {pending.map((p) => (
          <li key={p.key} class="message own pending">
            <p class="content">{p.content}</p>
            <p class="hint">{connected ? 'sending…' : 'waiting for the network…'}</p>
          </li>
        ))}
      </ol>
      <div ref={bottom} />
      <p class="typing" role="status" aria-live="polite" data-testid="typing">
        {typing.length > 0 ? `${typing.join(', ')} ${typing.length === 1 ? 'is' : 'are'} typing…` : ''}
      </p>
      <form class="composer" onSubmit={submit}>
        {(replyTo || editing) && (
          <p class="context">
            {editing ? 'Editing your message' : `Replying to ${replyTo!.user_id}`}{' '}
            <button
              type="button"
              class="link"
              onClick={() => {
                setReplyTo(null);
                setEditing(null);
                setDraft('');
              }}
            >
              Cancel
            </button>
          </p>
        )}
        <label class="visually-hidden" for="draft">
          Message
        </label>
        <textarea
          id="draft"
          name="message"
          rows={2}
          maxLength={10000}
          value={draft}
          placeholder="Write a message"
          onInput={(e) => {
            setDraft(e.currentTarget.value);
            if (!editing) {
              if (e.currentTarget.value) watch.typing.keystroke();
              else watch.typing.stop();
            }
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              (e.currentTarget.form as HTMLFormElement).requestSubmit();
            }
          }}
        />
        <button type="submit">{editing ? 'Save' : 'Send'}</button>
      </form>
    </section>
  );
}
