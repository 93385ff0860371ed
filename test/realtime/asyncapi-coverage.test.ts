import assert from 'node:assert/strict';
import type { TestApi } from '../support/test-api';
import { groupChannel, startNodes, stopNodes, type ChannelScenario } from './support/cluster';
import { DocumentedEvents } from './support/documented-events';
import type { TestSocket } from './support/test-socket';
import { TrafficRecorder, type Payload, type Seen } from './support/traffic-recorder';

const key = (e: { channel: string; event: string }) => `${e.channel} ${e.event}`;

/*
 * The served AsyncAPI document against a real API node (workers inline, for notifications): clients
 * on the three namespaces exercise every event; what they receive, their acks, the refused handshakes,
 * what the node publishes through Redis and the events its server sockets listen to are recorded, then
 * held against the document, read as JSON only (its payload schemas turned back into validators), so
 * it must describe the traffic on its own.
 */
describe('The AsyncAPI document against the running server', () => {
  let api: TestApi;
  let documented: DocumentedEvents;
  let traffic: TrafficRecorder;
  const probed: TestSocket[] = [];

  before(async () => {
    [api] = await startNodes(1, { WORKERS_INLINE: 'true' });
    documented = new DocumentedEvents((await api.http.get('/api/asyncapi.json')).body);
    traffic = new TrafficRecorder(api, documented);
    await exercise(await groupChannel(api, ['alice', 'bob']));
  });
  after(async () => {
    traffic.sockets.closeAll();
    await stopNodes([api]);
  });

  async function exercise(chat: ChannelScenario): Promise<void> {
    const ns = {
      presence: '/ws/presence',
      chat: `/ws/chat/${chat.channelId}`,
      typing: `/ws/typing/${chat.channelId}/`,
    };
    const connect = async (user: string) => {
      const token = await chat.token(user);
      const [presence, chatSocket, typing] = [
        await traffic.open(ns.presence, token),
        await traffic.open(ns.chat, token),
        await traffic.open(ns.typing, token),
      ];
      return { presence, chat: chatSocket, typing };
    };
    const alice = await connect('alice');
    await alice.presence.next('online.users');
    const bob = await connect('bob');
    await alice.presence.next('presence.update', (p) => p.user_id === 'bob');
    await alice.chat.next('user.join', (p) => p.user_id === 'bob');
    traffic.recordHandlers();

    const sent = await traffic.ask(alice.chat, 'chat.message', {
      content: 'hi @bob',
      client_message_id: 'a-1',
    });
    await bob.chat.next('chat.message');
    await bob.presence.next('notification');
    await traffic.ask(bob.chat, 'message.read', {});
    await alice.chat.next('message.read');
    await bob.presence.next('unread.update', (u) => u.unread_count === 0);
    await traffic.ask(bob.chat, 'typing', { is_typing: true });
    await alice.typing.next('typing');
    await traffic.ask(bob.typing, 'typing', { is_typing: false });
    await alice.chat.next('typing', (t) => t.is_typing === false);
    await traffic.ask(bob.presence, 'status.update', { status: 'away' });
    await alice.presence.next('presence.update', (p) => p.status === 'away');
    await traffic.ask(bob.presence, 'online.users');
    await bob.presence.next('online.users', () => true, 2);

    await byRest(chat, sent.message as Payload, bob.chat);
    await moderationByRest(chat, alice.chat, bob.presence);

    bob.chat.close();
    await alice.chat.next('user.leave', (p) => p.user_id === 'bob');
    (await traffic.open(ns.presence, await chat.token('dave'))).close();
    await alice.presence.next('presence.update', (p) => p.user_id === 'dave' && p.status === 'offline');

    await traffic.ask(alice.chat, 'chat.message', { content: 42 });
    await traffic.ask(alice.chat, 'message.read', { message_id: 2 ** 40 });
    await probeUndocumented([alice.chat, alice.typing, alice.presence]);
    for (const namespace of Object.values(ns)) await traffic.refuse(namespace);
  }

  /** Commands over REST whose events reach the channel's sockets. */
  async function byRest(chat: ChannelScenario, message: Payload, listener: TestSocket): Promise<void> {
    const admin = chat.users.alice;
    const channel = `channels/${chat.channelId}`;
    const commands = {
      'message.updated': () => admin.patch(`${channel}/messages/${message.id}/`, { content: 'edited' }),
      'reaction.added': () => admin.post(`${channel}/messages/${message.id}/reactions/`, { emoji: '+1' }),
      'reaction.removed': () => admin.delete(`${channel}/messages/${message.id}/reactions/`, { emoji: '+1' }),
      'message.pinned': () => admin.post(`${channel}/pinned/`, { message_id: message.id }),
      'message.unpinned': () => admin.delete(`${channel}/pinned/${message.id}/`),
      'message.deleted': () => admin.delete(`${channel}/messages/${message.id}/`),
      'participant.added': () => admin.post(`${channel}/participants/`, { user_id: 'carol' }),
      'participant.removed': () => admin.delete(`${channel}/participants/carol/`),
    };
    for (const [event, command] of Object.entries(commands)) {
      const res = await command();
      assert.ok(res.status < 300, `${event}: ${res.status} ${JSON.stringify(res.body)}`);
      await listener.next(event);
    }
  }

  /** Moderation and blocking over REST: their events reach the channel's and the blocker's sockets. */
  async function moderationByRest(
    chat: ChannelScenario,
    channelSocket: TestSocket,
    blockerPresence: TestSocket,
  ) {
    const { alice, bob } = chat.users;
    const channel = `channels/${chat.channelId}`;
    const commands: Array<[string, TestSocket, () => Promise<{ status: number; body: unknown }>]> = [
      ['participant.muted', channelSocket, () => alice.post(`${channel}/mutes/`, { user_id: 'bob' })],
      ['participant.unmuted', channelSocket, () => alice.delete(`${channel}/mutes/bob/`)],
      ['channel.updated', channelSocket, () => alice.patch(`${channel}/`, { slow_mode_seconds: 0 })],
      ['block.updated', blockerPresence, () => bob.post('blocks/', { user_id: 'dave' })],
    ];
    for (const [event, listener, command] of commands) {
      const res = await command();
      assert.ok(res.status < 300, `${event}: ${res.status} ${JSON.stringify(res.body)}`);
      await listener.next(event);
    }
  }

  /** On each namespace: every client event the document lists elsewhere, and one it never lists. */
  async function probeUndocumented(sockets: TestSocket[]): Promise<void> {
    const names = new Set(['no.such.event', ...documented.channels.flatMap((c) => [...c.receives.keys()])]);
    for (const socket of sockets) {
      probed.push(socket);
      const accepted = documented.channelOf(traffic.namespaceOf(socket)).receives;
      for (const name of names) if (!accepted.has(name)) await traffic.ask(socket, name, {});
    }
  }

  const isListed = (way: 'sends' | 'receives') => (e: { channel: string; event: string }) =>
    documented.channel(e.channel)[way].has(e.event);

  it('documents every event a client received, on its namespace, with a payload its schema accepts', () => {
    const seen: Seen[] = [...traffic.received(), ...traffic.refusals];

    const wrong = seen.filter(
      (e) => !documented.channel(e.channel).sends.get(e.event)?.safeParse(e.payload).success,
    );

    assert.ok(seen.length > 30, `only ${seen.length} events`);
    assert.deepEqual(wrong, []);
  });

  it('documents every event the server published through Redis, on its namespace', () => {
    assert.ok(traffic.published.length > 10);
    assert.deepEqual(traffic.published.filter((e) => !isListed('sends')(e)).map(key), []);
  });

  it('lists no server event that the server did not send', () => {
    const sent = new Set([...traffic.received(), ...traffic.refusals, ...traffic.published].map(key));

    assert.deepEqual(
      documented.listed('sends').filter((listed) => !sent.has(listed)),
      [],
    );
  });

  it('lists exactly the client events each namespace listens to', () => {
    const listening = documented.channels.map((c) => [c.key, [...(traffic.handled.get(c.key) ?? [])].sort()]);

    assert.deepEqual(
      listening,
      documented.channels.map((c) => [c.key, [...c.receives.keys()].sort()]),
    );
  });

  it('gives every ack of a documented client event the shape of one of its documented replies', () => {
    const answered = traffic.acks.filter(isListed('receives'));

    const wrong = answered.filter(
      ({ channel, event, reply }) =>
        !documented
          .channel(channel)
          .receives.get(event)!
          .replies.some((schema) => schema.safeParse(reply).success),
    );

    assert.deepEqual(wrong, []);
    assert.deepEqual(
      answered.filter((a) => a.reply.ok === false).map((a) => (a.reply.error as Payload).code),
      ['validation_error', 'message_not_found'],
    );
  });

  it('acks every client event the document lists with success, on every namespace that lists it', () => {
    const succeeded = new Set(traffic.acks.filter((a) => a.reply.ok === true).map(key));

    assert.deepEqual(
      documented.listed('receives').filter((listed) => !succeeded.has(listed)),
      [],
    );
  });

  it('refuses with validation_error, keeping the socket, every event the document does not list there', () => {
    const probes = traffic.acks.filter((a) => !isListed('receives')(a));

    assert.ok(probes.length >= 6);
    assert.deepEqual(
      probes.filter((p) => (p.reply.error as Payload | undefined)?.code !== 'validation_error'),
      [],
    );
    assert.deepEqual(
      probed.map((socket) => socket.socket.connected),
      [true, true, true],
    );
  });
});
