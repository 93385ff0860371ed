import assert from 'node:assert/strict';
import type { EmitTarget, RedisSocketEmitter } from '../../src/adapters/realtime/redis-socket-emitter';
import { TOKENS } from '../../src/main/tokens';
import type { TestApi } from '../support/test-api';
import { groupChannel, startNodes, stopNodes, type ChannelScenario } from './support/cluster';
import { DocumentedEvents } from './support/documented-events';
import { Sockets, TestSocket } from './support/test-socket';

type Payload = Record<string, unknown>;

/** What Socket.IO and the namespaces' plumbing listen to on a server socket: not client events. */
const RESERVED = new Set(['disconnect', 'disconnecting', 'error']);

interface Seen {
  channel: string;
  event: string;
  payload: unknown;
}

/*
 * The served AsyncAPI document against a real API node (workers inline, for notifications): clients
 * on the three namespaces exercise every event, and everything is recorded (what clients receive, what
 * the server publishes through Redis, which events the server sockets listen to, every ack and every
 * refused handshake), then held against the document, which is read as JSON only (its payload schemas
 * are turned back into validators), so it must describe the traffic on its own.
 */
describe('The AsyncAPI document against the running server', () => {
  let api: TestApi;
  let documented: DocumentedEvents;
  const sockets = new Sockets();
  const opened: Array<{ namespace: string; socket: TestSocket }> = [];
  const published: Array<{ namespace: string; event: string }> = [];
  const handled = new Map<string, Set<string>>();
  const acks: Array<Seen & { reply: Payload }> = [];
  const refusals: Seen[] = [];

  before(async () => {
    [api] = await startNodes(1, { WORKERS_INLINE: 'true' });
    documented = new DocumentedEvents((await api.http.get('/api/asyncapi.json')).body);
    recordPublishes(api, published);
    await exercise(await groupChannel(api, ['alice', 'bob']));
  });
  after(async () => {
    sockets.closeAll();
    await stopNodes([api]);
  });

  const channelOf = (namespace: string) => documented.channelOf(namespace).key;
  const namespaceOf = (socket: TestSocket) => opened.find((o) => o.socket === socket)!.namespace;
  const probed: TestSocket[] = [];

  async function open(chat: ChannelScenario, user: string, namespace: string): Promise<TestSocket> {
    const socket = await sockets.connect(api.url, namespace, await chat.token(user));
    opened.push({ namespace, socket });
    return socket;
  }

  async function ask(socket: TestSocket, event: string, payload?: unknown): Promise<Payload> {
    const reply = await (payload === undefined ? socket.request(event) : socket.request(event, payload));
    acks.push({ channel: channelOf(namespaceOf(socket)), event, payload, reply });
    return reply;
  }

  /** The events the server sockets of every namespace listen to, while all the clients are connected. */
  function recordHandlers(): void {
    for (const nsp of api.node.io._nsps.values()) {
      for (const socket of nsp.sockets.values()) {
        const events = handled.get(channelOf(nsp.name)) ?? new Set();
        for (const name of socket.eventNames()) if (!RESERVED.has(String(name))) events.add(String(name));
        handled.set(channelOf(nsp.name), events);
      }
    }
  }

  async function exercise(chat: ChannelScenario): Promise<void> {
    const ns = {
      chat: `/ws/chat/${chat.channelId}`,
      typing: `/ws/typing/${chat.channelId}/`,
      presence: '/ws/presence',
    };
    const alice = {
      presence: await open(chat, 'alice', ns.presence),
      chat: await open(chat, 'alice', ns.chat),
      typing: await open(chat, 'alice', ns.typing),
    };
    await alice.presence.next('online.users');
    const bob = {
      presence: await open(chat, 'bob', ns.presence),
      chat: await open(chat, 'bob', ns.chat),
      typing: await open(chat, 'bob', ns.typing),
    };
    await alice.presence.next('presence.update', (p) => p.user_id === 'bob');
    await alice.chat.next('user.join', (p) => p.user_id === 'bob');
    recordHandlers();

    const sent = await ask(alice.chat, 'chat.message', { content: 'hello @bob', client_message_id: 'a-1' });
    await bob.chat.next('chat.message');
    await bob.presence.next('notification');
    await ask(bob.chat, 'message.read', {});
    await alice.chat.next('message.read');
    await bob.presence.next('unread.update', (u) => u.unread_count === 0);
    await ask(bob.chat, 'typing', { is_typing: true });
    await alice.typing.next('typing');
    await ask(bob.typing, 'typing', { is_typing: false });
    await alice.chat.next('typing', (t) => t.is_typing === false);
    await ask(bob.presence, 'status.update', { status: 'away' });
    await alice.presence.next('presence.update', (p) => p.status === 'away');
    await ask(bob.presence, 'online.users');
    await bob.presence.next('online.users', () => true, 2);

    await byRest(chat, sent.message as Payload, bob.chat);

    bob.chat.close();
    await alice.chat.next('user.leave', (p) => p.user_id === 'bob');
    const dave = await open(chat, 'dave', ns.presence);
    dave.close();
    await alice.presence.next('presence.update', (p) => p.user_id === 'dave' && p.status === 'offline');

    await ask(alice.chat, 'chat.message', { content: 42 });
    await ask(alice.chat, 'message.read', { message_id: 2 ** 40 });
    await probeUndocumented([alice.chat, alice.typing, alice.presence]);
    await refuseHandshakes(Object.values(ns));
  }

  /** Commands over REST whose events reach the channel's sockets. */
  async function byRest(chat: ChannelScenario, message: Payload, listener: TestSocket): Promise<void> {
    const admin = chat.users.alice;
    const channel = `channels/${chat.channelId}`;
    const calls = [
      () => admin.patch(`${channel}/messages/${message.id}/`, { content: 'edited' }),
      () => admin.delete(`${channel}/messages/${message.id}/`),
      () => admin.post(`${channel}/participants/`, { user_id: 'carol' }),
      () => admin.delete(`${channel}/participants/carol/`),
    ];
    const events = ['message.updated', 'message.deleted', 'participant.added', 'participant.removed'];
    for (const [i, call] of calls.entries()) {
      const res = await call();
      assert.ok(res.status < 300, `${events[i]}: ${res.status} ${JSON.stringify(res.body)}`);
      await listener.next(events[i]);
    }
  }

  /** Every client event the document lists elsewhere, and one it never lists, on each namespace. */
  async function probeUndocumented(probes: TestSocket[]): Promise<void> {
    const names = new Set(['no.such.event']);
    for (const channel of documented.channels) for (const name of channel.receives.keys()) names.add(name);
    for (const socket of probes) {
      probed.push(socket);
      const accepted = documented.channelOf(namespaceOf(socket)).receives;
      for (const name of names) if (!accepted.has(name)) await ask(socket, name, {});
    }
  }

  async function refuseHandshakes(namespaces: string[]): Promise<void> {
    for (const namespace of namespaces) {
      const err = await sockets.track(TestSocket.open(api.url, namespace, 'not-a-token')).refusal();
      refusals.push({
        channel: channelOf(namespace),
        event: 'connect_error',
        payload: { message: err.message, data: err.data },
      });
    }
  }

  const received = (): Seen[] =>
    opened.flatMap(({ namespace, socket }) =>
      socket.received
        .filter((e) => !e.name.startsWith('('))
        .map((e) => ({ channel: channelOf(namespace), event: e.name, payload: e.payload })),
    );

  it('documents every event a client received, on its namespace, with a payload its schema accepts', () => {
    const seen = [...received(), ...refusals];

    const wrong = seen
      .filter(({ channel, event, payload }) => {
        const schema = documented.channels.find((c) => c.key === channel)!.sends.get(event);
        return !schema?.safeParse(payload).success;
      })
      .map(({ channel, event, payload }) => `${channel} ${event} ${JSON.stringify(payload)}`);

    assert.ok(seen.length > 30, `only ${seen.length} events`);
    assert.deepEqual(wrong, []);
  });

  it('documents every event the server published, on its namespace', () => {
    const undocumented = published
      .map(({ namespace, event }) => `${channelOf(namespace)} ${event}`)
      .filter((key) => {
        const [channel, event] = key.split(' ');
        return !documented.channels.find((c) => c.key === channel)!.sends.has(event);
      });

    assert.ok(published.length > 10);
    assert.deepEqual(undocumented, []);
  });

  it('lists no server event that the server did not send', () => {
    const sent = new Set(
      [
        ...received(),
        ...refusals,
        ...published.map((p) => ({ channel: channelOf(p.namespace), event: p.event })),
      ].map((e) => `${e.channel} ${e.event}`),
    );
    const listed = documented.channels.flatMap((c) =>
      [...c.sends.keys()].map((event) => `${c.key} ${event}`),
    );

    assert.deepEqual(
      listed.filter((key) => !sent.has(key)),
      [],
    );
  });

  it('lists exactly the client events each namespace listens to', () => {
    const listening = documented.channels.map((c) => [c.key, [...(handled.get(c.key) ?? [])].sort()]);

    assert.deepEqual(
      listening,
      documented.channels.map((c) => [c.key, [...c.receives.keys()].sort()]),
    );
  });

  it('gives every ack of a documented client event the shape of one of its documented replies', () => {
    const answered = acks.filter((a) =>
      documented.channels.find((c) => c.key === a.channel)!.receives.has(a.event),
    );

    const wrong = answered
      .filter(({ channel, event, reply }) => {
        const { replies } = documented.channels.find((c) => c.key === channel)!.receives.get(event)!;
        return !replies.some((schema) => schema.safeParse(reply).success);
      })
      .map(({ channel, event, reply }) => `${channel} ${event} ${JSON.stringify(reply)}`);

    assert.deepEqual(wrong, []);
    assert.deepEqual(
      answered.filter((a) => a.reply.ok === false).map((a) => (a.reply.error as Payload).code),
      ['validation_error', 'message_not_found'],
    );
  });

  it('acks every client event the document lists with success, on every namespace that lists it', () => {
    const succeeded = new Set(acks.filter((a) => a.reply.ok === true).map((a) => `${a.channel} ${a.event}`));
    const listed = documented.channels.flatMap((c) =>
      [...c.receives.keys()].map((event) => `${c.key} ${event}`),
    );

    assert.deepEqual(
      listed.filter((key) => !succeeded.has(key)),
      [],
    );
  });

  it('refuses with validation_error, keeping the socket, every event the document does not list there', () => {
    const probes = acks.filter(
      (a) => !documented.channels.find((c) => c.key === a.channel)!.receives.has(a.event),
    );

    assert.ok(probes.length >= 3 * 2);
    assert.deepEqual(
      probes.filter((p) => (p.reply.error as Payload | undefined)?.code !== 'validation_error'),
      [],
    );
    assert.deepEqual(
      probed.map((socket) => socket.socket.connected),
      probed.map(() => true),
    );
  });
});

/** Records what the node's emitter publishes through Redis (to every API node), and publishes it. */
function recordPublishes(api: TestApi, into: Array<{ namespace: string; event: string }>): void {
  const emitter = api.node.container.get<RedisSocketEmitter>(TOKENS.SocketEmitter);
  const emit = emitter.emit.bind(emitter);
  emitter.emit = ((target: EmitTarget, event: Parameters<typeof emit>[1], payload: never) => {
    into.push({ namespace: target.namespace, event });
    return emit(target, event, payload);
  }) as typeof emitter.emit;
}
