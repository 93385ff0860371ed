import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { TestApi } from '../support/test-api';
import { uniqueSlug } from '../support/test-env';
import { userToken } from '../support/tokens';
import { groupChannel, startNodes, stopNodes, type ChannelScenario } from './support/cluster';
import { Sockets, TestSocket } from './support/test-socket';

describe('The Socket.IO handshake', () => {
  let api: TestApi;
  let chat: ChannelScenario;
  const sockets = new Sockets();

  before(async () => {
    [api] = await startNodes(1);
    chat = await groupChannel(api, ['alice', 'bob']);
  });
  afterEach(() => sockets.closeAll());
  after(() => stopNodes([api]));

  async function refusalOf(namespace: string, token?: string) {
    const socket = sockets.track(TestSocket.open(api.url, namespace, token));
    return socket.refusal();
  }

  describe('when the token is missing, malformed or expired', () => {
    it('refuses without a token with unauthenticated', async () => {
      const err = await refusalOf('/ws/presence');

      assert.equal(err.message, 'unauthenticated');
      assert.deepEqual(Object.keys(err.data as object).sort(), ['code', 'message']);
    });

    it('refuses a token that is not a valid JWT with unauthenticated', async () => {
      const err = await refusalOf(`/ws/chat/${chat.channelId}`, 'not.a.jwt');

      assert.equal(err.message, 'unauthenticated');
      assert.equal((err.data as { code: string }).code, 'unauthenticated');
    });

    it('refuses an expired token with token_expired', async () => {
      const expired = await userToken(chat.tenant, 'alice', { expiresIn: -60 });

      const err = await refusalOf(`/ws/chat/${chat.channelId}`, expired);

      assert.equal(err.message, 'token_expired');
      assert.deepEqual(err.data, { code: 'token_expired', message: 'the token has expired' });
    });
  });

  it('refuses a token whose sub or name holds U+0000 with unauthenticated; the user’s good token still connects', async () => {
    const badName = await userToken(chat.tenant, 'alice', { name: 'Alice\u0000' });
    const badSub = await userToken(chat.tenant, 'alice\u0000');

    const refusals = [
      await refusalOf(`/ws/chat/${chat.channelId}`, badName),
      await refusalOf('/ws/presence', badSub),
    ];
    const good = await sockets.connect(api.url, `/ws/chat/${chat.channelId}`, await chat.token('alice'));

    assert.deepEqual(
      refusals.map((err) => err.message),
      ['unauthenticated', 'unauthenticated'],
    );
    assert.equal(good.socket.connected, true);
  });

  it('refuses a token of a tenant that does not exist with tenant_not_found', async () => {
    const token = await userToken(uniqueSlug('ghost'), 'alice');

    const err = await refusalOf('/ws/presence', token);

    assert.equal(err.message, 'tenant_not_found');
  });

  describe('on a channel namespace', () => {
    it('refuses a user who is not a participant with channel_not_found', async () => {
      const err = await refusalOf(`/ws/chat/${chat.channelId}`, await chat.token('mallory'));

      assert.equal(err.message, 'channel_not_found');
      assert.equal((err.data as { code: string }).code, 'channel_not_found');
    });

    it('refuses a channel that does not exist exactly as a channel one is not in', async () => {
      const err = await refusalOf(`/ws/typing/${randomUUID()}`, await chat.token('alice'));

      assert.equal(err.message, 'channel_not_found');
    });

    it('refuses a participant of the same channel id in another tenant', async () => {
      const stranger = await groupChannel(api, ['alice']);

      const err = await refusalOf(`/ws/chat/${chat.channelId}`, await stranger.token('alice'));

      assert.equal(err.message, 'channel_not_found');
    });
  });

  it('refuses the main namespace, which serves nothing, with not_found', async () => {
    const err = await refusalOf('/', await chat.token('alice'));

    assert.equal(err.message, 'not_found');
  });

  describe('for clients that are not browsers', () => {
    it('accepts the token in an Authorization: Bearer header', async () => {
      const token = await chat.token('bob');

      const socket = await sockets.connect(api.url, `/ws/chat/${chat.channelId}`, undefined, {
        extraHeaders: { Authorization: `Bearer ${token}` },
      });

      assert.equal(socket.socket.connected, true);
    });

    it('accepts the token in the token query parameter', async () => {
      const token = await chat.token('bob');

      const socket = await sockets.connect(api.url, `/ws/typing/${chat.channelId}`, undefined, {
        query: { token },
      });

      assert.equal(socket.socket.connected, true);
    });
  });
});
