import assert from 'node:assert/strict';
import { capturedLogs, WARN, type LogLine } from '../support/captured-logs';
import type { TestApi } from '../support/test-api';
import { groupChannel, startNodes, stopNodes, type ChannelScenario } from './support/cluster';
import { Sockets } from './support/test-socket';

/*
 * A client cut off for abuse keeps sending what it had in flight; the server decides once and says
 * so once: one warning per socket and decision, however many packets follow.
 */
describe('Logging an abusive socket', () => {
  let api: TestApi;
  let chat: ChannelScenario;
  let lines: LogLine[];
  const sockets = new Sockets();

  before(async () => {
    const logs = capturedLogs('debug');
    lines = logs.lines;
    [api] = await startNodes(1, { SOCKET_EVENTS_PER_SECOND: '10', SOCKET_EVENTS_BURST: '20' }, [logs.module]);
    chat = await groupChannel(api, ['mallory', 'bob']);
  });
  afterEach(() => sockets.closeAll());
  after(() => stopNodes([api]));

  it('logs one warning for a socket flooded far past its limit and dropped', async () => {
    const attacker = await sockets.connect(
      api.url,
      `/ws/chat/${chat.channelId}`,
      await chat.token('mallory'),
    );
    const socketLines = () => lines.filter((l) => l.user === 'mallory' && l.level >= WARN);

    for (let i = 0; i < 3_000; i++) attacker.socket.emit('typing', { is_typing: true });
    await attacker.disconnection();
    // The server has read what the client had sent once a new request of another user is answered.
    await chat.users.bob.get(`channels/${chat.channelId}/`);
    await new Promise((resolve) => setTimeout(resolve, 200));

    assert.deepEqual(
      socketLines().map((l) => l.msg),
      ['socket dropped: event flood'],
    );
  });

  it('logs at most one line for a socket dropped for garbage frames or oversized payloads', async () => {
    const token = await chat.token('mallory');
    const garbage = await sockets.connect(api.url, `/ws/chat/${chat.channelId}`, token);
    const oversized = await sockets.connect(api.url, `/ws/chat/${chat.channelId}`, token);
    const ids = [garbage.socket.id, oversized.socket.id];

    for (let i = 0; i < 200; i++) garbage.socket.io.engine.write('garbage{');
    for (let i = 0; i < 50; i++) oversized.socket.emit('chat.message', { content: 'x'.repeat(70 * 1024) });
    await Promise.all([garbage.disconnection(), oversized.disconnection()]);
    await chat.users.bob.get(`channels/${chat.channelId}/`);
    await new Promise((resolve) => setTimeout(resolve, 200));

    for (const id of ids) assert.ok(lines.filter((l) => l.socket === id).length <= 1, `socket ${id}`);
  });
});
