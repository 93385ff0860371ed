import assert from 'node:assert/strict';
import type { Response } from 'supertest';
import type { ChannelView } from '../../src/application/views/channel.view';
import { ChatClient } from '../support/chat-client';
import { startTestApi, type TestApi } from '../support/test-api';
import { TEST_ADMIN_TOKEN, uniqueSlug } from '../support/test-env';

const NUL = '\u0000';

/** 400 validation_error whose details name `field` (the storage would have answered 500). */
function assertRefused(res: Response, field: string): void {
  assert.equal(res.status, 400, JSON.stringify(res.body));
  assert.equal(res.body.error.code, 'validation_error');
  assert.deepEqual(
    res.body.error.details.fields.map((f: { field: string }) => f.field),
    [field],
  );
}

/*
 * U+0000 cannot be stored (PostgreSQL under FerretDB refuses it), and other control characters are
 * refused by the same rule (docs/api.md, "Characters"): every string that is stored or compared
 * answers 400 naming its field, never 500.
 */
describe('Characters a stored string may not hold', () => {
  let api: TestApi;
  let tenant: string;
  let alice: ChatClient;
  let channel: ChannelView;

  before(async () => {
    api = await startTestApi();
  });
  after(() => api.stop());

  beforeEach(async () => {
    tenant = await api.createTenant(uniqueSlug('chars'));
    alice = await ChatClient.as(api, tenant, 'alice');
    channel = await alice.group(['bob']);
  });

  describe('in messages', () => {
    const send = (body: object) => alice.post(`channels/${channel.id}/send_message/`, body);

    it('refuses U+0000 in content, client_message_id and file_url', async () => {
      assertRefused(await send({ content: `a${NUL}b` }), 'content');
      assertRefused(await send({ content: 'hi', client_message_id: `id${NUL}` }), 'client_message_id');
      assertRefused(await send({ file_url: `https://files.example/a${NUL}.png` }), 'file_url');
      assert.deepEqual(await alice.history(channel.id), []);
    });

    it('refuses U+0000 in an edit', async () => {
      const sent = await alice.send(channel.id, 'before');

      const res = await alice.patch(`channels/${channel.id}/messages/${sent.id}/`, { content: `x${NUL}` });

      assertRefused(res, 'content');
      assert.equal((await alice.history(channel.id))[0].content, 'before');
    });

    it('refuses other C0 controls and lone surrogates in content', async () => {
      assertRefused(await send({ content: 'bell \u0007' }), 'content');
      assertRefused(await send({ content: 'escape \u001b[31m' }), 'content');
      assertRefused(await send({ content: 'half an emoji \ud83d' }), 'content');
    });

    it('keeps tabs, line breaks, emoji and every other character in content', async () => {
      const content = 'line 1\r\n\tline 2 😀 \u00a0é\u0085\u007f\ufeff';

      const sent = await alice.send(channel.id, content);

      assert.equal(sent.content, content);
      assert.equal((await alice.history(channel.id))[0].content, content);
    });
  });

  describe('in channel names and context fields', () => {
    it('refuses U+0000 in a group name, at creation and on rename', async () => {
      const created = await alice.post('channels/', { channel_type: 'group', name: `a${NUL}` });
      const renamed = await alice.patch(`channels/${channel.id}/`, { name: `b${NUL}` });

      assertRefused(created, 'name');
      assertRefused(renamed, 'name');
    });

    it('refuses any control character in a name, a line break included', async () => {
      for (const name of ['two\nlines', 'tab\there', 'c1 \u0085', 'del \u007f']) {
        assertRefused(await alice.patch(`channels/${channel.id}/`, { name }), 'name');
      }
    });

    for (const field of ['host_application_id', 'context_object_type', 'context_object_id']) {
      it(`refuses U+0000 in ${field}, in a body and in a query`, async () => {
        const context = { host_application_id: 'crm', context_object_type: 'order', context_object_id: '42' };

        const created = await alice.post('channels/', {
          channel_type: 'contextual_object',
          ...context,
          [field]: `x${NUL}`,
        });
        const listed = await alice.get(`channels/?${field}=x%00`);

        assertRefused(created, field);
        assertRefused(listed, field);
      });
    }

    it('refuses a cursor that carries U+0000', async () => {
      const cursor = Buffer.from(JSON.stringify(['2024-01-01T00:00:00.000Z', `id${NUL}`])).toString(
        'base64url',
      );

      assertRefused(await alice.get(`channels/?cursor=${cursor}`), 'cursor');
    });
  });

  describe('in participant ids', () => {
    it('refuses U+0000 in participant_ids and participants at creation, naming the entry', async () => {
      const byIds = await alice.post('channels/', {
        channel_type: 'group',
        name: 'G',
        participant_ids: ['bob', `carol${NUL}`],
      });
      const byEntries = await alice.post('channels/', {
        channel_type: 'group',
        name: 'G',
        participants: [{ user_id: `dave${NUL}` }],
      });
      const direct = await alice.post('channels/', { channel_type: 'direct', participant_ids: [`x${NUL}`] });

      assertRefused(byIds, 'participant_ids.1');
      assertRefused(byEntries, 'participants.0.user_id');
      assertRefused(direct, 'participant_ids.0');
    });

    it('refuses U+0000 when adding one participant or several', async () => {
      const one = await alice.post(`channels/${channel.id}/participants/`, { user_id: `carol${NUL}` });
      const many = await alice.post(`channels/${channel.id}/participants/`, {
        participants: [{ user_id: 'dave' }, { user_id: `erin${NUL}` }],
      });

      assertRefused(one, 'user_id');
      assertRefused(many, 'participants.1.user_id');
    });

    it('refuses U+0000 and other controls in a user id of the path', async () => {
      assertRefused(await alice.delete(`channels/${channel.id}/participants/bob%00/`), 'user_id');
      assertRefused(
        await alice.patch(`channels/${channel.id}/participants/bob%00/`, { role: 'admin' }),
        'user_id',
      );
      assertRefused(await alice.delete(`channels/${channel.id}/participants/bob%0A/`), 'user_id');
    });

    it('refuses noncharacters and controls in ids', async () => {
      for (const id of ['nc\uffff', 'nc\ufffe', 'lf\n', 'c1\u009b', 'half\udc00']) {
        assertRefused(await alice.post(`channels/${channel.id}/participants/`, { user_id: id }), 'user_id');
      }
    });
  });

  describe('in the admin API', () => {
    it('refuses U+0000 in a tenant name and a webhook secret', async () => {
      const admin = (req: ReturnType<TestApi['http']['post']>) =>
        req.set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}`);

      const created = await admin(api.http.post('/api/admin/tenants')).send({
        slug: uniqueSlug('chars'),
        name: `Acme${NUL}`,
      });
      const webhook = await admin(api.http.patch(`/api/admin/tenants/${tenant}`)).send({
        webhook_url: 'https://hooks.example/chat',
        webhook_secret: `0123456789abcdef${NUL}`,
      });

      assertRefused(created, 'name');
      assertRefused(webhook, 'webhook_secret');
    });
  });

  describe('in token claims', () => {
    for (const [claim, options] of [
      ['sub', { user: `alice${NUL}` }],
      ['name', { user: 'alice', name: `Alice${NUL}` }],
      ['name', { user: 'alice', name: 'Alice\u001b[2J' }],
    ] as const) {
      it(`answers 401 unauthenticated for ${JSON.stringify(options)}, and the user's good token still works`, async () => {
        const good = await alice.get('channels/');
        const bad = await ChatClient.as(api, tenant, options.user, {
          name: 'name' in options ? options.name : undefined,
        });

        const refused = await bad.get('channels/');
        const again = await alice.get(`channels/${channel.id}/`);

        assert.equal(good.status, 200);
        assert.equal(refused.status, 401);
        assert.equal(refused.body.error.code, 'unauthenticated');
        assert.match(refused.body.error.message, new RegExp(claim));
        assert.equal(again.status, 200);
      });
    }
  });
});
