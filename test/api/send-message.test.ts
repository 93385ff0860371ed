import assert from 'node:assert/strict';
import type { ChannelView } from '../../src/application/views/channel.view';
import { ChatClient } from '../support/chat-client';
import { startTestApi, type TestApi } from '../support/test-api';
import { uniqueSlug } from '../support/test-env';

describe('POST channels/{id}/send_message/', () => {
  let api: TestApi;
  let alice: ChatClient;
  let bob: ChatClient;
  let channel: ChannelView;

  before(async () => {
    api = await startTestApi();
  });
  after(() => api.stop());

  const given = async () => {
    const tenant = await api.createTenant(uniqueSlug('send'));
    [alice, bob] = await Promise.all(['alice', 'bob'].map((u) => ChatClient.as(api, tenant, u)));
    channel = await alice.group(['bob']);
  };
  const send = (body: object) => bob.post(`channels/${channel.id}/send_message/`, body);

  describe('with a valid body', () => {
    beforeEach(given);

    it("answers 201 with the message, sent by the token's subject", async () => {
      const res = await send({ content: 'hi *all*', content_type: 'text/markdown' });

      assert.equal(res.status, 201);
      assert.equal(res.body.user_id, 'bob');
      assert.equal(res.body.channel_id, channel.id);
      assert.equal(res.body.seq, 1);
      assert.equal(res.body.content_type, 'text/markdown');
    });

    it('returns the first message with 200 for a repeated client_message_id and stores nothing', async () => {
      const first = await send({ content: 'once', client_message_id: 'device-1-msg-1' });

      const retry = await send({ content: 'changed', client_message_id: 'device-1-msg-1' });

      assert.equal(first.status, 201);
      assert.equal(retry.status, 200);
      assert.deepEqual(retry.body, first.body);
      assert.deepEqual(
        (await alice.history(channel.id)).map((m) => m.id),
        [first.body.id],
      );
    });

    it('accepts a file without text', async () => {
      const res = await send({ file_url: 'https://files.example/a.png' });

      assert.equal(res.status, 201);
      assert.equal(res.body.content, '');
      assert.equal(res.body.file_url, 'https://files.example/a.png');
    });

    it('accepts a reply in a thread', async () => {
      const root = await alice.send(channel.id, 'root');

      const res = await send({ content: 'reply', parent_id: root.id });

      assert.equal(res.status, 201);
      assert.equal(res.body.parent_id, root.id);
    });

    it('answers 404 message_not_found for a parent in another channel', async () => {
      const other = await alice.group(['bob'], 'Other');
      const elsewhere = await alice.send(other.id, 'elsewhere');

      const res = await send({ content: 'x', parent_id: elsewhere.id });

      assert.equal(res.status, 404);
      assert.equal(res.body.error.code, 'message_not_found');
    });
  });

  // These requests store nothing, so they share one tenant.
  describe('with a body that is refused', () => {
    before(given);

    for (const [label, body, field] of [
      ['empty content', { content: '   ' }, 'content'],
      ['content over 10,000 characters', { content: 'x'.repeat(10_001) }, 'content'],
      ['a javascript: file_url', { file_url: 'javascript:alert(1)' }, 'file_url'],
      ['an unknown content_type', { content: 'x', content_type: 'application/json' }, 'content_type'],
      ['a parent_id that is a string', { content: 'x', parent_id: '1' }, 'parent_id'],
    ] as const) {
      it(`answers 400 validation_error for ${label}`, async () => {
        const res = await send(body);

        assert.equal(res.status, 400);
        assert.equal(res.body.error.code, 'validation_error');
        assert.equal(res.body.error.details.fields[0].field, field);
      });
    }

    // Mass assignment: fields the server assigns are refused, not ignored (docs/api.md).
    for (const field of ['user_id', 'id', 'seq', 'created_at', 'channel_id', 'deleted_at']) {
      it(`refuses a body that sets ${field} with 400 naming it, and stores nothing`, async () => {
        const res = await send({ content: 'forged', [field]: 'alice' });

        assert.equal(res.status, 400);
        assert.equal(res.body.error.details.fields[0].field, field);
        assert.deepEqual(await alice.history(channel.id), []);
      });
    }
  });
});
