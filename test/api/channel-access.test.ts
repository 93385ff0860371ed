import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CHAT_ENDPOINTS } from '../../src/adapters/http/chat.router';
import type { Endpoint } from '../../src/adapters/http/endpoint';
import type { ChannelView } from '../../src/application/views/channel.view';
import type { MessageView } from '../../src/application/views/message.view';
import { ChatClient } from '../support/chat-client';
import { startTestApi, type TestApi } from '../support/test-api';
import { uniqueSlug } from '../support/test-env';

/** A valid body for each route that takes one, so that only the caller's access decides the answer. */
const SAMPLE_BODIES: Record<string, object> = {
  'post /channels': { channel_type: 'group', name: 'x' },
  'patch /channels/:id': { name: 'x' },
  'post /channels/:id/send_message': { content: 'x' },
  'patch /channels/:id/messages/:message_id': { content: 'x' },
  'post /channels/:id/mark_read': {},
  'post /channels/:id/centralized': {},
  'post /channels/:id/participants': { user_id: 'mallory' },
  'patch /channels/:id/participants/:user_id': { role: 'admin' },
  'post /channels/:id/messages/:message_id/reactions': { emoji: '+1' },
  'delete /channels/:id/messages/:message_id/reactions': { emoji: '+1' },
  'post /channels/:id/pinned': { message_id: 1 },
  'post /channels/:id/bans': { user_id: 'bob' },
  'post /channels/:id/mutes': { user_id: 'bob' },
  'post /channels/:id/messages/:message_id/flags': { reason: 'x' },
  'post /blocks': { user_id: 'bob' },
};

const key = (e: Endpoint) => `${e.method} ${e.path}`;
const channelRoutes = CHAT_ENDPOINTS.filter((e) => e.path.includes(':id'));

describe('Access to every chat route', () => {
  let api: TestApi;
  let alice: ChatClient;
  let mallory: ChatClient;
  let intruder: ChatClient;
  let channel: ChannelView;
  let message: MessageView;

  before(async () => {
    api = await startTestApi();
    const tenant = await api.createTenant(uniqueSlug('access'));
    const otherTenant = await api.createTenant(uniqueSlug('access-other'));
    alice = await ChatClient.as(api, tenant, 'alice');
    mallory = await ChatClient.as(api, tenant, 'mallory');
    // Same user id, valid token, but for another tenant.
    intruder = new ChatClient(api, tenant, 'alice', (await ChatClient.as(api, otherTenant, 'alice')).token);
    channel = await alice.group(['bob']);
    message = await alice.send(channel.id, 'private');
  });
  after(() => api.stop());

  const pathOf = (e: Endpoint, channelId = channel.id) =>
    e.path
      .slice(1)
      .replace(':id', channelId)
      .replace(':message_id', String(message.id))
      .replace(':user_id', 'alice');
  const call = (client: ChatClient, e: Endpoint, channelId?: string) => {
    const req = client.request(e.method, `${pathOf(e, channelId)}/`);
    return e.body ? req.send(SAMPLE_BODIES[key(e)]) : req;
  };

  it('has a sample body for every route that takes one', () => {
    const missing = CHAT_ENDPOINTS.filter((e) => e.body && !SAMPLE_BODIES[key(e)]).map(key);

    assert.deepEqual(missing, []);
  });

  for (const e of channelRoutes) {
    it(`answers 404 channel_not_found to a non-participant: ${e.method.toUpperCase()} ${e.path}`, async () => {
      const res = await call(mallory, e);

      assert.equal(res.status, 404);
      assert.equal(res.body.error.code, 'channel_not_found');
    });
  }

  for (const e of channelRoutes) {
    it(`tells a non-participant nothing a missing channel would not: ${e.method.toUpperCase()} ${e.path}`, async () => {
      const hidden = await call(mallory, e);
      const missing = await call(mallory, e, randomUUID());

      assert.equal(hidden.status, missing.status);
      assert.equal(hidden.text, missing.text);
      assert.ok(!hidden.text.includes(channel.id), hidden.text);
    });
  }

  it("answers an outsider's contextual get-or-create with the bytes of a missing channel: no id, no details", async () => {
    const context = {
      host_application_id: 'crm',
      context_object_type: 'order',
      context_object_id: randomUUID(),
    };
    const existing = await alice.post('channels/', { channel_type: 'contextual_object', ...context });

    const hidden = await mallory
      .request('post', 'channels/')
      .send({ channel_type: 'contextual_object', ...context });
    const missing = await mallory.request('get', `channels/${randomUUID()}/`);

    assert.equal(existing.status, 201);
    assert.equal(hidden.status, 404);
    assert.deepEqual(hidden.body, { error: { code: 'channel_not_found', message: 'channel not found' } });
    assert.equal(hidden.text, missing.text);
    assert.ok(!hidden.text.includes(existing.body.id), hidden.text);
  });

  for (const e of CHAT_ENDPOINTS) {
    it(`answers 401 unauthenticated without a token: ${e.method.toUpperCase()} ${e.path}`, async () => {
      const res = await call(alice, e).set('Authorization', '');

      assert.equal(res.status, 401);
      assert.equal(res.body.error.code, 'unauthenticated');
    });

    it(`answers 403 tenant_mismatch to another tenant's token: ${e.method.toUpperCase()} ${e.path}`, async () => {
      const res = await call(intruder, e);

      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, 'tenant_mismatch');
    });
  }

  it('left the channel as it was after every refused request', async () => {
    const seen = await alice.get(`channels/${channel.id}/`);

    assert.equal(seen.body.name, 'General');
    assert.deepEqual(
      seen.body.participants.map((p: { user_id: string; role: string }) => [p.user_id, p.role]),
      [
        ['alice', 'admin'],
        ['bob', 'member'],
      ],
    );
    assert.deepEqual(
      (await alice.history(channel.id)).map((m) => [m.content, m.deleted_at]),
      [['private', null]],
    );
  });
});
