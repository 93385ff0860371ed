import assert from 'node:assert/strict';
import type { MessageView } from '../../src/application/views/message.view';
import type { TestApi } from '../support/test-api';
import { groupChannel, startNodes, stopNodes, type ChannelScenario } from './support/cluster';
import { Sockets, TestSocket } from './support/test-socket';

const APP_ORIGIN = 'https://app.example.com';

describe('Hostile socket clients', () => {
  let api: TestApi;
  let chat: ChannelScenario;
  let ns: string;
  let bystander: TestSocket;
  const sockets = new Sockets();

  before(async () => {
    [api] = await startNodes(1, {
      CORS_ORIGINS: APP_ORIGIN,
      SOCKET_EVENTS_PER_SECOND: '10',
      SOCKET_EVENTS_BURST: '20',
    });
    chat = await groupChannel(api, ['mallory', 'bob', 'alice']);
    ns = `/ws/chat/${chat.channelId}`;
  });
  beforeEach(async () => {
    bystander = await sockets.connect(api.url, ns, await chat.token('bob'));
  });
  afterEach(async () => {
    // Whatever the attacker did, the process serves the others.
    const sent = await chat.users.alice.send(chat.channelId, 'still here');
    assert.deepEqual(await bystander.next<MessageView>('chat.message', (m) => m.id === sent.id), sent);
    sockets.closeAll();
  });
  after(() => stopNodes([api]));

  const mallory = async () => sockets.connect(api.url, ns, await chat.token('mallory'));

  it('drops a connection that sends a frame Socket.IO cannot decode', async () => {
    const attacker = await mallory();

    attacker.socket.io.engine.write('garbage{');

    assert.equal(await attacker.disconnection(), 'transport close');
  });

  it('drops a connection that sends an object as event name', async () => {
    const attacker = await mallory();

    attacker.socket.io.engine.write(`42${ns},[{"$gt":""},{"content":"x"}]`);

    assert.equal(await attacker.disconnection(), 'transport close');
  });

  it('drops a connection that sends bytes Engine.IO cannot parse', async () => {
    const attacker = await mallory();
    const transport = attacker.socket.io.engine.transport as unknown as { ws: { send(data: string): void } };

    transport.ws.send('\u0000\u00ff not an engine.io packet');

    assert.match(await attacker.disconnection(), /transport (close|error)/);
  });

  it('answers an unknown event with validation_error and keeps the socket', async () => {
    const attacker = await mallory();

    const ack = await attacker.request<{ ok: boolean; error: { code: string } }>(
      'admin.delete_everything',
      {},
    );

    assert.deepEqual([ack.ok, ack.error.code], [false, 'validation_error']);
    assert.equal(attacker.socket.connected, true);
  });

  it('answers a payload of the wrong shape with validation_error naming the fields as REST does, and stores nothing', async () => {
    const attacker = await mallory();
    type Refusal = { ok: boolean; error: { code: string; details: { fields: Array<{ field: string }> } } };

    const acks = await Promise.all([
      attacker.request<Refusal>('chat.message', { content: { $ne: null } }),
      attacker.request<Refusal>('chat.message', 'just a string'),
      attacker.request<Refusal>('chat.message', {
        content: 'hi',
        channel_id: 'other',
      }),
    ]);

    assert.deepEqual(
      acks.map((a) => [a.error.code, a.error.details.fields.map((f) => f.field)]),
      [
        ['validation_error', ['content']],
        ['validation_error', ['payload']],
        ['validation_error', ['channel_id']],
      ],
    );
    const history = await chat.users.bob.history(chat.channelId);
    assert.equal(history.filter((m) => m.user_id === 'mallory').length, 0);
  });

  it('answers U+0000 in a chat.message with validation_error naming the field, and stores nothing', async () => {
    const attacker = await mallory();
    type Refusal = { ok: boolean; error: { code: string; details: { fields: Array<{ field: string }> } } };

    const acks = await Promise.all([
      attacker.request<Refusal>('chat.message', { content: 'nul \u0000 here' }),
      attacker.request<Refusal>('chat.message', { content: 'hi', client_message_id: 'k\u0000' }),
    ]);

    assert.deepEqual(
      acks.map((a) => [a.ok, a.error.code, a.error.details.fields.map((f) => f.field)]),
      [
        [false, 'validation_error', ['content']],
        [false, 'validation_error', ['client_message_id']],
      ],
    );
    assert.equal(attacker.socket.connected, true);
    const history = await chat.users.bob.history(chat.channelId);
    assert.equal(history.filter((m) => m.user_id === 'mallory').length, 0);
  });

  it('drops a connection that sends a payload over the size limit, storing nothing', async () => {
    const attacker = await mallory();

    attacker.socket.emit('chat.message', { content: 'x'.repeat(70 * 1024) });

    assert.equal(await attacker.disconnection(), 'transport close');
    const history = await chat.users.bob.history(chat.channelId);
    assert.equal(history.filter((m) => m.user_id === 'mallory').length, 0);
  });

  it('refuses a browser page of a foreign origin, and accepts the configured one', async () => {
    const token = await chat.token('mallory');

    const refused = await Promise.all(
      (['websocket', 'polling'] as const).map((transport) =>
        sockets
          .track(
            TestSocket.open(api.url, ns, token, {
              transports: [transport],
              extraHeaders: { Origin: 'https://evil.example' },
            }),
          )
          .refusal(),
      ),
    );
    const allowed = await sockets.connect(api.url, ns, token, { extraHeaders: { Origin: APP_ORIGIN } });

    assert.equal(refused.length, 2);
    assert.equal(allowed.socket.connected, true);
  });

  it('answers a flood of events with rate_limited, then drops the connection', async () => {
    const attacker = await mallory();
    const acks: Array<{ ok: boolean; error?: { code: string } }> = [];

    for (let i = 0; i < 100; i++)
      attacker.socket.emit('typing', { is_typing: true }, (ack: (typeof acks)[number]) => acks.push(ack));

    assert.equal(await attacker.disconnection(), 'io server disconnect');
    // Accepted events' acks may be lost with the connection; the refusals are answered at once.
    const codes = acks.map((a) => (a.ok ? 'ok' : a.error!.code));
    assert.ok(codes.filter((c) => c === 'rate_limited').length > 0);
    assert.ok(codes.filter((c) => c === 'ok').length <= 21);
  });
});
