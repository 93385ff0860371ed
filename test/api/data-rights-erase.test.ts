import assert from 'node:assert/strict';
import type { Response } from 'supertest';
import { PresenceKeys } from '../../src/adapters/presence/presence-keys';
import type { RedisConnections } from '../../src/adapters/redis/redis-connections';
import type { ChannelView } from '../../src/application/views/channel.view';
import type { MessageView } from '../../src/application/views/message.view';
import { TOKENS } from '../../src/main/tokens';
import { Sockets, type TestSocket } from '../realtime/support/test-socket';
import {
  buildDataRightsTenant,
  fetchExport,
  linesOf,
  type DataRightsTenant,
} from '../support/builders/data-rights-tenant';
import { startTestApi, type TestApi } from '../support/test-api';
import { TEST_ADMIN_TOKEN, testConfig } from '../support/test-env';

const admin = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

/*
 * A user's erasure through the admin API, on FerretDB and Redis: afterwards nothing of theirs is in
 * an export or in any answer the chat API gives the others, and the conversation keeps its shape.
 */
describe('Data rights: erasing a user', function () {
  // The scene (a tenant with three channels, sockets, receipts) takes a while on a loaded machine.
  this.timeout(150_000);
  const sockets = new Sockets();
  let api: TestApi;
  let t: DataRightsTenant;
  let erased: Response;
  let bobPresence: TestSocket;
  let bobChat: TestSocket;
  let aliceChat: TestSocket;

  before(async () => {
    api = await startTestApi({ WORKERS_INLINE: 'true' });
    t = await buildDataRightsTenant(api);
    bobPresence = await sockets.connect(api.url, '/ws/presence', t.bob.token);
    bobChat = await sockets.connect(api.url, `/ws/chat/${t.project}`, t.bob.token);
    aliceChat = await sockets.connect(api.url, `/ws/chat/${t.project}`, t.alice.token);

    erased = await api.http.delete(`/api/admin/tenants/${t.slug}/users/${t.bob.userId}`).set(admin);
  });
  after(async () => {
    sockets.closeAll();
    await api.stop();
  });

  it('answers 200 with what it changed', () => {
    assert.equal(erased.status, 200, JSON.stringify(erased.body));
    assert.deepEqual(erased.body, {
      user_id: t.bob.userId,
      mode: 'tombstone',
      channels_left: 3,
      messages_erased: 7,
      read_states_deleted: 0,
      receipts_deleted: erased.body.receipts_deleted,
      profile_deleted: true,
    });
    assert.ok(erased.body.receipts_deleted > 0);
  });

  it('leaves none of their id or content in a later export of the tenant', async () => {
    const { text, lines } = await fetchExport(api, `${t.slug}/export`);

    for (const secret of t.bobStrings) assert.ok(!text.includes(secret), `${secret} is still in the export`);
    const authors = new Set(linesOf(lines, 'message').map((m) => m.user_id));
    assert.deepEqual([...authors].filter((a) => a.startsWith('erased-')).length, 1);
  });

  it('leaves none of it in any answer of the chat API to the others', async () => {
    const answers: unknown[] = [];
    for (const client of [t.alice, t.carol]) {
      const list = await client.get('channels/?limit=100');
      answers.push(list.body, (await client.get('centralized/')).body);
      for (const channel of list.body.results as ChannelView[]) {
        answers.push((await client.get(`channels/${channel.id}/`)).body);
        answers.push((await client.post(`channels/${channel.id}/centralized/`, {})).body);
        const history: MessageView[] = await client.history(channel.id);
        answers.push(history, (await client.get(`channels/${channel.id}/messages/?after=0&limit=100`)).body);
        for (const message of history)
          answers.push((await client.get(`channels/${channel.id}/messages/${message.id}/read_by/`)).body);
      }
      // What bob wrote is not found by search either (his words left the index with his messages).
      for (const secret of t.bobStrings) {
        const found = await client.request('get', `search/?q=${encodeURIComponent(secret)}`);
        answers.push(found.body);
        if (found.status === 200) assert.deepEqual(found.body.results, [], `search for ${secret}`);
      }
    }
    const text = JSON.stringify(answers);

    assert.ok(answers.length > 20);
    for (const secret of t.bobStrings) assert.ok(!text.includes(secret), `${secret} is still in an answer`);
  });

  it('leaves a user export with nothing in it', async () => {
    const { lines } = await fetchExport(api, `${t.slug}/users/${t.bob.userId}/export`);

    assert.deepEqual(
      lines.map((l) => l.type),
      ['tenant', 'user', 'end'],
    );
    assert.deepEqual(lines[1], {
      type: 'user',
      user_id: t.bob.userId,
      name: null,
      user_type: null,
      updated_at: null,
    });
  });

  it('keeps the conversations: tombstones in place, a successor admin, the direct channel with alice', async () => {
    const project = await t.alice.history(t.project);
    const context = (await t.alice.get(`channels/${t.context}/`)).body as ChannelView;
    const direct = (await t.alice.get(`channels/${t.direct}/`)).body as ChannelView;

    const tombstones = project.filter((m) => m.user_id.startsWith('erased-'));
    assert.equal(tombstones.length, 4);
    assert.ok(tombstones.every((m) => m.content === '' && m.file_url === null && m.deleted_at !== null));
    assert.deepEqual(
      project.map((m) => m.seq),
      project.map((_, i) => i + 1),
    );
    assert.deepEqual(
      context.participants.map((p) => [p.user_id, p.role]),
      [
        [t.alice.userId, 'admin'],
        [t.carol.userId, 'member'],
      ],
    );
    assert.deepEqual(
      direct.participants.map((p) => p.user_id),
      [t.alice.userId],
    );
  });

  it("closes their sockets, and tells the channel's sockets", async () => {
    await bobPresence.disconnection();
    await bobChat.disconnection();

    assert.deepEqual(await aliceChat.next('participant.removed'), {
      channel_id: t.project,
      user_id: t.bob.userId,
      reason: 'removed',
    });
    const deleted = await aliceChat.next<MessageView>('message.deleted', () => true, 3);
    assert.match(deleted.user_id, /^erased-/);
  });

  it('leaves nothing of them in Redis presence', async () => {
    await bobPresence.disconnection();
    const redis = api.node.container.get<RedisConnections>(TOKENS.Redis).command;
    const keys = new PresenceKeys(testConfig().REDIS_KEY_PREFIX);

    const fields = await Promise.all(
      [keys.online(t.slug), keys.status(t.slug), keys.lastSeen(t.slug), keys.channel(t.slug, t.project)].map(
        (key) => redis.hkeys(key),
      ),
    );

    assert.deepEqual(
      fields.flat().filter((user) => user === t.bob.userId),
      [],
    );
  });

  it('changes nothing when run again', async () => {
    const before = await fetchExport(api, `${t.slug}/export`);

    const again = await api.http.delete(`/api/admin/tenants/${t.slug}/users/${t.bob.userId}`).set(admin);

    assert.equal(again.status, 200);
    assert.deepEqual(
      [
        again.body.channels_left,
        again.body.messages_erased,
        again.body.receipts_deleted,
        again.body.profile_deleted,
      ],
      [0, 0, 0, false],
    );
    const after = await fetchExport(api, `${t.slug}/export`);
    assert.deepEqual(after.lines.slice(1), before.lines.slice(1));
  });

  describe('with messages=anonymise', () => {
    it('keeps their content under a pseudonym, and nothing else of them', async () => {
      const carolSaid = ['carol in project', 'carol in context', 'carol stays'];

      const res = await api.http
        .delete(`/api/admin/tenants/${t.slug}/users/${t.carol.userId}?messages=anonymise`)
        .set(admin);

      assert.equal(res.status, 200);
      assert.equal(res.body.mode, 'anonymise');
      const { lines, text } = await fetchExport(api, `${t.slug}/export`);
      assert.ok(!text.includes(t.carol.userId));
      const kept = linesOf(lines, 'message').filter((m) => carolSaid.includes(m.content));
      assert.equal(kept.length, 3);
      assert.ok(kept.every((m) => m.user_id.startsWith('erased-') && m.deleted_at === null));
    });
  });
});
