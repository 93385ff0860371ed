import assert from 'node:assert/strict';
import type { ChannelView } from '../../src/application/views/channel.view';
import { ChatClient } from '../support/chat-client';
import { startTestApi, type TestApi } from '../support/test-api';
import { uniqueSlug } from '../support/test-env';

/*
 * Hostile input: operator objects where strings or ids are expected, operators smuggled in query
 * keys, prototype keys. Each is refused with 400 before any use case runs, and nothing is stored.
 */
describe('Injection attempts on the chat API', () => {
  let api: TestApi;
  let alice: ChatClient;
  let channel: ChannelView;

  before(async () => {
    api = await startTestApi();
  });
  after(() => api.stop());

  // Every request here is refused and stores nothing, so the tests share one tenant.
  before(async () => {
    const tenant = await api.createTenant(uniqueSlug('inject'));
    alice = await ChatClient.as(api, tenant, 'alice');
    channel = await alice.group(['bob']);
    await alice.send(channel.id, 'the only message');
  });

  const rawPost = (path: string, json: string) =>
    alice.request('post', path).set('Content-Type', 'application/json').send(json);
  const contents = async () => (await alice.history(channel.id)).map((m) => m.content);
  const channelNames = async () =>
    (await alice.get('channels/')).body.results.map((c: ChannelView) => c.name);

  it('refuses an operator object as content, and stores nothing', async () => {
    const res = await alice.post(`channels/${channel.id}/send_message/`, { content: { $gt: '' } });

    assert.equal(res.status, 400);
    assert.equal(res.body.error.details.fields[0].field, 'content');
    assert.deepEqual(await contents(), ['the only message']);
  });

  it('refuses operator objects in participant_ids, and creates no channel', async () => {
    const res = await alice.post('channels/', {
      channel_type: 'group',
      name: 'Evil',
      participant_ids: [{ $ne: null }],
    });

    assert.equal(res.status, 400);
    assert.equal(res.body.error.details.fields[0].field, 'participant_ids.0');
    assert.deepEqual(await channelNames(), ['General']);
  });

  it('refuses an operator in a query key (?before[$gt]=0)', async () => {
    const res = await alice.get(`channels/${channel.id}/messages/?before[$gt]=0`);

    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'validation_error');
    assert.equal(res.body.error.details.fields[0].field, 'before[$gt]');
  });

  it('refuses an operator object as a mark_read message_id', async () => {
    const res = await alice.post(`channels/${channel.id}/mark_read/`, { message_id: { $gt: 0 } });

    assert.equal(res.status, 400);
    assert.equal(res.body.error.details.fields[0].field, 'message_id');
  });

  it('refuses an operator as a path id', async () => {
    const res = await alice.get(`channels/${encodeURIComponent('{"$gt":""}')}/messages/`);

    assert.equal(res.status, 400);
    assert.equal(res.body.error.details.fields[0].field, 'id');
  });

  for (const key of ['__proto__', 'constructor', 'prototype']) {
    it(`refuses a body with an own "${key}" key, and stores nothing`, async () => {
      // JSON.parse makes "__proto__" an own property: the strict schema must still refuse it.
      const res = await rawPost(
        `channels/${channel.id}/send_message/`,
        `{"content":"polluted","${key}":{"isAdmin":true}}`,
      );

      assert.equal(res.status, 400);
      assert.equal(res.body.error.details.fields[0].field, key);
      assert.deepEqual(await contents(), ['the only message']);
    });
  }

  it('refuses a nested "__proto__" in a participant, and creates no channel', async () => {
    const res = await rawPost(
      'channels/',
      '{"channel_type":"group","name":"Evil","participants":[{"user_id":"bob","__proto__":{"role":"admin"}}]}',
    );

    assert.equal(res.status, 400);
    assert.equal(res.body.error.details.fields[0].field, 'participants.0.__proto__');
    assert.deepEqual(await channelNames(), ['General']);
  });

  it('refuses a JSON array as the body', async () => {
    const res = await rawPost(`channels/${channel.id}/send_message/`, '[{"content":"x"}]');

    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'validation_error');
  });

  it('leaves Object.prototype untouched', () => {
    assert.equal(({} as Record<string, unknown>).isAdmin, undefined);
  });
});
