import assert from 'node:assert/strict';
import { tenantBanList, tenantBanView } from '../../../src/adapters/http/moderation-response.schemas';
import { ChatClient } from '../../support/chat-client';
import { startTestApi, type TestApi } from '../../support/test-api';
import { TEST_ADMIN_TOKEN, uniqueSlug } from '../../support/test-env';
import { Sockets, TestSocket } from '../../realtime/support/test-socket';

describe('Tenant bans (admin API)', () => {
  let api: TestApi;
  let tenant: string;
  let alice: ChatClient;
  let bob: ChatClient;
  const sockets = new Sockets();
  const admin = (method: 'get' | 'post' | 'delete', path: string, token = TEST_ADMIN_TOKEN) =>
    api.http[method](`/api/admin/tenants/${tenant}/${path}`).set('Authorization', `Bearer ${token}`);
  const ban = (user: string, body: object = {}) => admin('post', `bans/${user}/`).send(body);
  const lift = (user: string) => admin('delete', `bans/${user}/`);

  before(async () => {
    api = await startTestApi();
  });
  beforeEach(async () => {
    tenant = await api.createTenant(uniqueSlug('tban'));
    [alice, bob] = await Promise.all(['alice', 'bob'].map((u) => ChatClient.as(api, tenant, u)));
  });
  afterEach(() => sockets.closeAll());
  after(() => api.stop());

  it('refuses every chat request of the banned user with 403 forbidden, and serves the others', async () => {
    const channel = await alice.group(['bob']);

    const res = await ban('bob', { reason: 'abuse' });
    const refused = await bob.get('channels/');
    const send = await bob.post(`channels/${channel.id}/send_message/`, { content: 'hi' });

    assert.equal(res.status, 201);
    assert.deepEqual(
      { ...tenantBanView.parse(res.body), created_at: undefined },
      { user_id: 'bob', until: null, reason: 'abuse', created_at: undefined },
    );
    assert.equal(refused.status, 403);
    assert.deepEqual(refused.body.error, {
      code: 'forbidden',
      message: 'you are banned from this tenant',
      details: { reason: 'banned', until: null },
    });
    assert.equal(send.status, 403);
    assert.equal((await alice.send(channel.id, 'still here')).user_id, 'alice');
  });

  it('refuses the banned user’s handshakes with forbidden, and closes their sockets', async () => {
    const channel = await alice.group(['bob']);
    const presence = await sockets.connect(api.url, '/ws/presence', bob.token);
    const chat = await sockets.connect(api.url, `/ws/chat/${channel.id}`, bob.token);

    await ban('bob');
    const reasons = [await presence.disconnection(), await chat.disconnection()];
    const refusal = await sockets.track(TestSocket.open(api.url, '/ws/presence', bob.token)).refusal();

    assert.deepEqual(reasons, ['io server disconnect', 'io server disconnect']);
    assert.equal(refusal.message, 'forbidden');
  });

  it('keeps the user’s channels for when the ban is lifted', async () => {
    const channel = await alice.group(['bob']);
    await ban('bob', { until: '2099-01-01T00:00:00Z' });

    const lifted = await lift('bob');
    const back = await bob.get(`channels/${channel.id}/`);

    assert.equal(lifted.status, 200);
    assert.equal(lifted.body.until, '2099-01-01T00:00:00.000Z');
    assert.equal(back.status, 200);
  });

  it('lists the bans in force', async () => {
    await ban('bob');
    await ban('carol', { until: '2099-01-01T00:00:00Z' });

    const res = await admin('get', 'bans/');

    assert.deepEqual(
      tenantBanList.parse(res.body).results.map((b) => b.user_id),
      ['bob', 'carol'],
    );
  });

  it('answers 200 to a repeated ban (replaced) and 404 not_found to a repeated lift', async () => {
    await ban('bob', { reason: 'one' });
    const again = await ban('bob', { reason: 'two' });
    await lift('bob');
    const liftAgain = await lift('bob');

    assert.deepEqual([again.status, again.body.reason], [200, 'two']);
    assert.deepEqual([liftAgain.status, liftAgain.body.error.code], [404, 'not_found']);
    assert.equal((await bob.get('channels/')).status, 200);
  });

  it('answers 400 naming the field for a bad body or user id', async () => {
    const cases: Array<[string, object, string]> = [
      ['bob', { until: '2001-01-01T00:00:00Z' }, 'until'],
      ['bob', { until: 'soon' }, 'until'],
      ['bob', { reason: 'x'.repeat(501) }, 'reason'],
      ['x'.repeat(129), {}, 'user_id'],
    ];

    for (const [user, body, field] of cases) {
      const res = await ban(user, body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.error.details.fields[0].field, field, JSON.stringify(body));
    }
    assert.equal((await bob.get('channels/')).status, 200);
  });

  it('answers 401 without the admin token (a user token is not one), 404 for an unknown tenant', async () => {
    const user = await admin('post', 'bans/bob/', alice.token).send({});
    const unknown = await api.http
      .post('/api/admin/tenants/no-such-tenant-here/bans/bob/')
      .set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}`)
      .send({});

    assert.equal(user.status, 401);
    assert.deepEqual([unknown.status, unknown.body.error.code], [404, 'tenant_not_found']);
    assert.equal((await bob.get('channels/')).status, 200);
  });
});
