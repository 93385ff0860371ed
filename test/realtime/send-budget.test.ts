import assert from 'node:assert/strict';
import type { TestApi } from '../support/test-api';
import { groupChannel, startNodes, stopNodes } from './support/cluster';
import { Sockets } from './support/test-socket';

describe('chat.message on a socket and the REST request budget', () => {
  let api: TestApi;
  const sockets = new Sockets();

  before(async () => {
    [api] = await startNodes(1, { RATE_LIMIT_USER_PER_MINUTE: '2' });
  });
  afterEach(() => sockets.closeAll());
  after(() => stopNodes([api]));

  it('spends the same per-user budget as REST, and answers rate_limited once it is spent', async () => {
    const chat = await groupChannel(api, ['alice', 'bob']);
    const bob = await sockets.connect(api.url, `/ws/chat/${chat.channelId}`, await chat.token('bob'));
    await chat.users.bob.send(chat.channelId, 'over REST');

    const first = await bob.request<{ ok: boolean }>('chat.message', { content: 'over the socket' });
    const second = await bob.request<{ ok: boolean; error: { code: string; details: { scope: string } } }>(
      'chat.message',
      {
        content: 'one too many',
      },
    );

    assert.equal(first.ok, true);
    assert.deepEqual(
      [second.ok, second.error.code, second.error.details.scope],
      [false, 'rate_limited', 'user'],
    );
    assert.equal(bob.socket.connected, true);
  });
});
