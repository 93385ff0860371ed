import assert from 'node:assert/strict';
import type { ChannelView } from '../../../src/application/views/channel.view';
import { ChatClient } from '../../support/chat-client';
import { startTestApi, type TestApi } from '../../support/test-api';
import { uniqueSlug } from '../../support/test-env';
import { Sockets } from '../../realtime/support/test-socket';

describe('Slow mode (PATCH channels/{id}/ slow_mode_seconds)', () => {
  let api: TestApi;
  let alice: ChatClient;
  let bob: ChatClient;
  let carol: ChatClient;
  let dave: ChatClient;
  let channel: ChannelView;
  const sockets = new Sockets();
  const send = (client: ChatClient, body: Record<string, unknown> = { content: 'hi' }) =>
    client.post(`channels/${channel.id}/send_message/`, body);
  const setSlowMode = (client: ChatClient, slow_mode_seconds: unknown) =>
    client.patch(`channels/${channel.id}/`, { slow_mode_seconds });

  before(async () => {
    api = await startTestApi();
    const tenant = await api.createTenant(uniqueSlug('slow'));
    [alice, bob, carol, dave] = await Promise.all(
      ['alice', 'bob', 'carol', 'dave'].map((u) => ChatClient.as(api, tenant, u)),
    );
  });
  afterEach(() => sockets.closeAll());
  after(() => api.stop());

  beforeEach(async () => {
    channel = await alice.group(['bob', 'carol']);
  });

  it('is off by default, and shown on the channel once set', async () => {
    const res = await setSlowMode(alice, 60);

    assert.equal(channel.slow_mode_seconds, 0);
    assert.equal(res.status, 200);
    assert.equal(res.body.slow_mode_seconds, 60);
    assert.equal((await bob.get(`channels/${channel.id}/`)).body.slow_mode_seconds, 60);
  });

  it('lets each member send one message per period: 429 rate_limited with retry_after_seconds', async () => {
    await setSlowMode(alice, 60);

    const first = await send(bob);
    const second = await send(bob);
    const other = await send(carol);

    assert.equal(first.status, 201);
    assert.equal(second.status, 429);
    assert.equal(second.body.error.code, 'rate_limited');
    assert.equal(second.body.error.details.scope, 'slow_mode');
    const wait = second.body.error.details.retry_after_seconds;
    assert.ok(wait > 55 && wait <= 60, `retry after ${wait} s`);
    assert.equal(second.headers['retry-after'], String(wait));
    assert.equal(other.status, 201);
  });

  it('does not slow admins', async () => {
    await setSlowMode(alice, 60);

    const sends = [await send(alice), await send(alice)];

    assert.deepEqual(
      sends.map((r) => r.status),
      [201, 201],
    );
  });

  it('slows a member over the socket too (ack rate_limited)', async () => {
    await setSlowMode(alice, 60);
    const socket = await sockets.connect(api.url, `/ws/chat/${channel.id}`, bob.token);

    const first = await socket.request<{ ok: boolean }>('chat.message', { content: 'one' });
    const second = await socket.request<{ ok: boolean; error: { code: string; details: object } }>(
      'chat.message',
      { content: 'two' },
    );

    assert.equal(first.ok, true);
    assert.equal(second.ok, false);
    assert.equal(second.error.code, 'rate_limited');
  });

  it('answers a repeated client_message_id with the first message (a retry is not slowed)', async () => {
    await setSlowMode(alice, 60);

    const first = await send(bob, { content: 'once', client_message_id: 'c-1' });
    const retry = await send(bob, { content: 'once', client_message_id: 'c-1' });

    assert.deepEqual([first.status, retry.status], [201, 200]);
    assert.equal(retry.body.id, first.body.id);
  });

  it('spends no turn on a refused send', async () => {
    await setSlowMode(alice, 60);

    const invalid = await send(bob, { content: '   ' });
    const wrongParent = await send(bob, { content: 'reply', parent_id: 999_999_999 });
    const valid = await send(bob);

    assert.deepEqual([invalid.status, wrongParent.status, valid.status], [400, 404, 201]);
  });

  it('ends at once when set back to 0', async () => {
    await setSlowMode(alice, 60);
    await send(bob);

    const off = await setSlowMode(alice, 0);

    assert.equal(off.body.slow_mode_seconds, 0);
    assert.equal((await send(bob)).status, 201);
  });

  it('answers the same channel to the same setting twice', async () => {
    const once = await setSlowMode(alice, 30);
    const twice = await setSlowMode(alice, 30);

    assert.deepEqual({ ...twice.body, updated_at: undefined }, { ...once.body, updated_at: undefined });
  });

  it('answers 403 insufficient_role to a member, 403 forbidden in a direct channel', async () => {
    const direct = await alice.direct('bob');

    const member = await setSlowMode(bob, 10);
    const inDirect = await alice.patch(`channels/${direct.id}/`, { slow_mode_seconds: 10 });

    assert.deepEqual([member.status, member.body.error.code], [403, 'insufficient_role']);
    assert.deepEqual([inDirect.status, inDirect.body.error.code], [403, 'forbidden']);
  });

  it('answers 400 naming the field for a bad value, and for a body with nothing to change', async () => {
    const cases: Array<[unknown, string[]]> = [
      [{ slow_mode_seconds: -1 }, ['slow_mode_seconds']],
      [{ slow_mode_seconds: 3601 }, ['slow_mode_seconds']],
      [{ slow_mode_seconds: 1.5 }, ['slow_mode_seconds']],
      [{ slow_mode_seconds: '10' }, ['slow_mode_seconds']],
      // The unknown key, and that nothing the route changes was given.
      [{ slow_mode: 10 }, ['slow_mode', 'body']],
      [{}, ['body']],
    ];

    for (const [body, fields] of cases) {
      const res = await alice.patch(`channels/${channel.id}/`, body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.deepEqual(
        res.body.error.details.fields.map((f: { field: string }) => f.field),
        fields,
        JSON.stringify(body),
      );
    }
  });

  it('answers 404 channel_not_found to a non-participant', async () => {
    const res = await setSlowMode(dave, 10);

    assert.deepEqual([res.status, res.body.error.code], [404, 'channel_not_found']);
  });

  it('sets the name and slow mode together', async () => {
    const res = await alice.patch(`channels/${channel.id}/`, { name: 'Quiet room', slow_mode_seconds: 5 });

    assert.deepEqual([res.body.name, res.body.slow_mode_seconds], ['Quiet room', 5]);
  });
});
