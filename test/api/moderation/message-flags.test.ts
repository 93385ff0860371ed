import assert from 'node:assert/strict';
import { flagList } from '../../../src/adapters/http/moderation-response.schemas';
import type { ChannelView } from '../../../src/application/views/channel.view';
import type { MessageView } from '../../../src/application/views/message.view';
import { ChatClient } from '../../support/chat-client';
import { startTestApi, type TestApi } from '../../support/test-api';
import { TEST_ADMIN_TOKEN, uniqueSlug } from '../../support/test-env';

describe('Message flags API', () => {
  let api: TestApi;
  let tenant: string;
  let alice: ChatClient;
  let bob: ChatClient;
  let gus: ChatClient;
  let dave: ChatClient;
  let channel: ChannelView;
  let message: MessageView;
  const flags = (m: MessageView = message) => `channels/${m.channel_id}/messages/${m.id}/flags/`;
  const adminFlags = (query = '') =>
    api.http
      .get(`/api/admin/tenants/${tenant}/flags/${query}`)
      .set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}`);

  before(async () => {
    api = await startTestApi();
    tenant = await api.createTenant(uniqueSlug('flags'));
    [alice, bob, dave] = await Promise.all(
      ['alice', 'bob', 'dave'].map((u) => ChatClient.as(api, tenant, u)),
    );
    gus = await ChatClient.as(api, tenant, 'gus', { userType: 'guest' });
  });
  after(() => api.stop());

  beforeEach(async () => {
    channel = await alice.group(['bob', 'gus']);
    message = await alice.send(channel.id, 'buy cheap watches');
  });

  describe('POST channels/{id}/messages/{message_id}/flags/', () => {
    it('stores the flag with the message as it was, for the admin API', async () => {
      const res = await bob.post(flags(), { reason: 'spam' });
      await alice.patch(`channels/${channel.id}/messages/${message.id}/`, { content: 'edited away' });

      const listed = await adminFlags(`?channel_id=${channel.id}`);

      assert.equal(res.status, 201);
      assert.deepEqual(
        { ...res.body, id: undefined, created_at: undefined },
        {
          id: undefined,
          channel_id: channel.id,
          message_id: message.id,
          message,
          flagged_by: 'bob',
          reason: 'spam',
          created_at: undefined,
        },
      );
      assert.equal(listed.status, 200);
      assert.deepEqual(flagList.parse(listed.body).results, [res.body]);
    });

    it('lets any participant flag, guests included', async () => {
      const res = await gus.post(flags(), { reason: 'rude' });

      assert.equal(res.status, 201);
      assert.equal(res.body.flagged_by, 'gus');
    });

    it('answers 200 with the first flag to a repeat, and lists it once', async () => {
      const first = await bob.post(flags(), { reason: 'spam' });

      const again = await bob.post(flags(), { reason: 'something else' });
      const listed = await adminFlags(`?channel_id=${channel.id}`);

      assert.equal(again.status, 200);
      assert.deepEqual(again.body, first.body);
      assert.equal(listed.body.results.length, 1);
    });

    it('answers 403 forbidden for one’s own message and 409 conflict for a deleted one', async () => {
      const own = await alice.post(flags(), { reason: 'oops' });
      await alice.delete(`channels/${channel.id}/messages/${message.id}/`);
      const deleted = await bob.post(flags(), { reason: 'spam' });

      assert.deepEqual([own.status, own.body.error.code], [403, 'forbidden']);
      assert.deepEqual([deleted.status, deleted.body.error.code], [409, 'conflict']);
    });

    it('answers 400 naming the field for a bad body or id', async () => {
      const cases: Array<[string, unknown, string]> = [
        [flags(), {}, 'reason'],
        [flags(), { reason: '   ' }, 'reason'],
        [flags(), { reason: 'x'.repeat(501) }, 'reason'],
        [flags(), { reason: 'spam', flagged_by: 'carol' }, 'flagged_by'],
        [`channels/${channel.id}/messages/abc/flags/`, { reason: 'spam' }, 'message_id'],
      ];

      for (const [path, body, field] of cases) {
        const res = await bob.post(path, body);
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.deepEqual(
          res.body.error.details.fields.map((f: { field: string }) => f.field),
          [field],
          JSON.stringify(body),
        );
      }
    });

    it('answers 404 channel_not_found to a non-participant, message_not_found for another channel’s message', async () => {
      const other = await alice.group(['bob'], 'Other');
      const elsewhere = await alice.send(other.id, 'elsewhere');

      const stranger = await dave.post(flags(), { reason: 'spam' });
      const wrongChannel = await bob.post(`channels/${channel.id}/messages/${elsewhere.id}/flags/`, {
        reason: 'spam',
      });

      assert.deepEqual([stranger.status, stranger.body.error.code], [404, 'channel_not_found']);
      assert.deepEqual([wrongChannel.status, wrongChannel.body.error.code], [404, 'message_not_found']);
    });
  });

  describe('GET /api/admin/tenants/{slug}/flags/', () => {
    it('pages the tenant’s flags newest first', async () => {
      const second = await alice.send(channel.id, 'and again');
      const older = await bob.post(flags(), { reason: 'first' });
      const newer = await bob.post(flags(second), { reason: 'second' });

      const page1 = await adminFlags(`?channel_id=${channel.id}&limit=1`);
      const page2 = await adminFlags(`?channel_id=${channel.id}&limit=1&cursor=${page1.body.next_cursor}`);

      const paged: Array<{ id: string; created_at: string }> = [...page1.body.results, ...page2.body.results];
      assert.deepEqual(paged.map((f) => f.id).sort(), [newer.body.id, older.body.id].sort());
      assert.ok(paged[0].created_at >= paged[1].created_at, 'newest first');
      assert.equal(page2.body.next_cursor, null);
    });

    it('answers 400 for a bad query, 401 without the admin token, 404 for an unknown tenant', async () => {
      const badCursor = await adminFlags('?cursor=nonsense');
      const badLimit = await adminFlags('?limit=0');
      const badChannel = await adminFlags('?channel_id=general');
      const userToken = await api.http
        .get(`/api/admin/tenants/${tenant}/flags/`)
        .set('Authorization', `Bearer ${bob.token}`);
      const unknown = await api.http
        .get(`/api/admin/tenants/no-such-tenant-here/flags/`)
        .set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}`);

      assert.deepEqual(
        [badCursor, badLimit, badChannel].map((r) => [r.status, r.body.error.details.fields[0].field]),
        [
          [400, 'cursor'],
          [400, 'limit'],
          [400, 'channel_id'],
        ],
      );
      assert.equal(userToken.status, 401);
      assert.deepEqual([unknown.status, unknown.body.error.code], [404, 'tenant_not_found']);
    });
  });
});
