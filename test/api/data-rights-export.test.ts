import assert from 'node:assert/strict';
import type { ChannelView } from '../../src/application/views/channel.view';
import type { MessageView } from '../../src/application/views/message.view';
import {
  buildDataRightsTenant,
  fetchExport,
  linesOf,
  withoutType,
  type DataRightsTenant,
  type ExportLine,
} from '../support/builders/data-rights-tenant';
import type { ChatClient } from '../support/chat-client';
import { startTestApi, type TestApi } from '../support/test-api';
import { TEST_ADMIN_TOKEN } from '../support/test-env';

/*
 * The export round trip: what GET …/export streams equals what the chat API answers the tenant's
 * users, line type by line type, and its `end` line counts what came before it.
 */
describe('Data rights: exports', function () {
  this.timeout(150_000);
  let api: TestApi;
  let t: DataRightsTenant;
  let lines: ExportLine[];

  before(async () => {
    api = await startTestApi({ WORKERS_INLINE: 'true' });
    t = await buildDataRightsTenant(api);
    lines = (await fetchExport(api, `${t.slug}/export`)).lines;
  });
  after(() => api.stop());

  /** A client of ours in the channel (every channel has one), and the channel as they see it. */
  async function viewOf(channelId: string): Promise<{ member: ChatClient; view: ChannelView }> {
    const members = linesOf(lines, 'participant').filter((p) => p.channel_id === channelId);
    const member = t.clients.find((c) => members.some((p) => p.user_id === c.userId))!;
    const res = await member.get(`channels/${channelId}/`);
    assert.equal(res.status, 200);
    return { member, view: res.body as ChannelView };
  }

  it('starts with the tenant and ends with counts of every line type', () => {
    const end = lines.at(-1);

    assert.deepEqual(lines[0].type === 'tenant' && lines[0].slug, t.slug);
    assert.equal(end?.type, 'end');
    assert.deepEqual(end?.type === 'end' && end.counts, {
      channels: linesOf(lines, 'channel').length,
      participants: linesOf(lines, 'participant').length,
      memberships: 0,
      messages: linesOf(lines, 'message').length,
      read_states: linesOf(lines, 'read_state').length,
      receipts: linesOf(lines, 'receipt').length,
      users: linesOf(lines, 'user').length,
    });
    assert.equal(linesOf(lines, 'channel').length, 4);
  });

  it('gives each channel and its participants as GET channels/{id} does', async () => {
    for (const channel of linesOf(lines, 'channel')) {
      const { view } = await viewOf(channel.id);
      const participants = linesOf(lines, 'participant').filter((p) => p.channel_id === channel.id);

      assert.deepEqual(withoutType(channel), {
        id: view.id,
        channel_type: view.channel_type,
        name: view.name,
        host_application_id: view.host_application_id,
        context_object_type: view.context_object_type,
        context_object_id: view.context_object_id,
        created_by: view.created_by,
        created_at: view.created_at,
        updated_at: view.updated_at,
        last_message_id: view.last_message?.id ?? null,
        last_message_at: view.last_message?.created_at ?? null,
      });
      assert.deepEqual(
        participants.map(({ type: _t, channel_id: _c, ...p }) => p),
        view.participants,
      );
    }
  });

  it("gives each channel's messages as its history does, tombstones, edits and replies included", async () => {
    let total = 0;
    for (const channel of linesOf(lines, 'channel')) {
      const { member } = await viewOf(channel.id);
      const exported = linesOf(lines, 'message').filter((m) => m.channel_id === channel.id);

      assert.deepEqual(exported.map(withoutType), (await member.history(channel.id)).map(withoutCallerFlags));
      total += exported.length;
    }
    assert.equal(total, linesOf(lines, 'message').length);
  });

  it("gives each participant's read state as their GET channels/{id} does", async () => {
    const states = linesOf(lines, 'read_state');
    for (const channel of linesOf(lines, 'channel')) {
      for (const client of t.clients) {
        const res = await client.get(`channels/${channel.id}/`);
        const state = states.find((s) => s.channel_id === channel.id && s.user_id === client.userId);
        if (res.status === 404) {
          assert.equal(state, undefined);
          continue;
        }
        const { last_read_message_id, unread_count, is_muted } = res.body as ChannelView;
        assert.deepEqual(withoutType(state!), {
          channel_id: channel.id,
          user_id: client.userId,
          last_read_message_id,
          unread_count,
          is_muted,
        });
      }
    }
    assert.ok(states.some((s) => s.is_muted && s.unread_count > 0));
  });

  it('gives read receipts from which every read_by answer follows', async () => {
    const receipts = linesOf(lines, 'receipt');
    let readers = 0;
    for (const channel of linesOf(lines, 'channel')) {
      const { member } = await viewOf(channel.id);
      for (const message of linesOf(lines, 'message').filter((m) => m.channel_id === channel.id)) {
        const res = await member.get(`channels/${channel.id}/messages/${message.id}/read_by/`);
        const expected = readersFrom(
          receipts.filter((r) => r.channel_id === channel.id),
          message,
        );

        assert.deepEqual(res.body.results, expected, `message ${message.id}`);
        readers += expected.length;
      }
    }
    assert.ok(readers > 0);
  });

  it('lists the profile of everyone who used the API', () => {
    assert.deepEqual(
      linesOf(lines, 'user')
        .map((u) => [u.user_id, u.name])
        .sort(),
      t.clients.map((c) => [c.userId, c.userId.replace('-', ' ')]).sort(),
    );
  });

  describe("a user's export", () => {
    let mine: ExportLine[];
    before(async () => {
      mine = (await fetchExport(api, `${t.slug}/users/${encodeURIComponent(t.bob.userId)}/export`)).lines;
    });

    it('holds their channels with their role, as their channel list shows them', async () => {
      const listed = (await t.bob.get('channels/?limit=100')).body.results as ChannelView[];

      assert.deepEqual(
        linesOf(mine, 'membership')
          .map((m) => [m.channel_id, m.role])
          .sort(),
        listed.map((c) => [c.id, c.participants.find((p) => p.user_id === t.bob.userId)!.role]).sort(),
      );
    });

    it('holds every message they sent, also in the channel they left', async () => {
      const histories = await Promise.all(
        [t.project, t.direct, t.context].map((id) => t.alice.history(id)).concat(t.carol.history(t.left)),
      );
      const theirs = histories.flat().filter((m: MessageView) => m.user_id === t.bob.userId);

      assert.deepEqual(
        linesOf(mine, 'message')
          .map(withoutType)
          .sort((a, b) => a.id - b.id),
        theirs.map(withoutCallerFlags).sort((a, b) => a.id - b.id),
      );
      assert.ok(theirs.some((m) => m.channel_id === t.left));
    });

    it('holds their read states and receipts, as the tenant export has them', () => {
      const bobs = <T extends { user_id: string }>(all: T[]) => all.filter((l) => l.user_id === t.bob.userId);

      assert.deepEqual(
        sortById(linesOf(mine, 'read_state').map((s) => ({ ...s, id: s.channel_id }))),
        sortById(bobs(linesOf(lines, 'read_state')).map((s) => ({ ...s, id: s.channel_id }))),
      );
      const byRange = (r: Receipt) => `${r.channel_id}/${r.to_seq}`;
      const sorted = (all: Receipt[]) => [...all].sort((a, b) => byRange(a).localeCompare(byRange(b)));
      assert.deepEqual(sorted(linesOf(mine, 'receipt')), sorted(bobs(linesOf(lines, 'receipt'))));
      assert.ok(linesOf(mine, 'receipt').length > 0);
    });

    it('holds their profile and ends with the counts', () => {
      const end = mine.at(-1);

      assert.equal(linesOf(mine, 'user')[0].user_id, t.bob.userId);
      assert.equal(end?.type === 'end' && end.counts.messages, linesOf(mine, 'message').length);
    });
  });

  describe('refusals', () => {
    const admin = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

    it('answers 404 tenant_not_found for an unknown tenant, before any line', async () => {
      const res = await api.http.get('/api/admin/tenants/no-such-tenant-here/export').set(admin);

      assert.equal(res.status, 404);
      assert.equal(res.body.error.code, 'tenant_not_found');
    });

    it('answers 401 without the admin token', async () => {
      const res = await api.http.get(`/api/admin/tenants/${t.slug}/export`);

      assert.equal(res.status, 401);
    });

    it('answers 400 for an unknown erasure mode, erasing nothing', async () => {
      const res = await api.http
        .delete(`/api/admin/tenants/${t.slug}/users/${t.carol.userId}?messages=shred`)
        .set(admin);

      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, 'validation_error');
      assert.equal((await t.carol.get(`channels/${t.project}/`)).status, 200);
    });
  });
});

type Receipt = Extract<ExportLine, { type: 'receipt' }>;
type Message = Extract<ExportLine, { type: 'message' }>;

/** read_by from the receipt ranges: every reader but the author, at their first read, earliest first. */
function readersFrom(receipts: Receipt[], message: Message): Array<{ user_id: string; read_at: string }> {
  const first = new Map<string, string>();
  for (const r of receipts) {
    if (r.user_id === message.user_id || !(r.from_seq < message.seq && message.seq <= r.to_seq)) continue;
    const known = first.get(r.user_id);
    if (!known || r.read_at < known) first.set(r.user_id, r.read_at);
  }
  return [...first]
    .map(([user_id, read_at]) => ({ user_id, read_at }))
    .sort((a, b) => a.read_at.localeCompare(b.read_at) || a.user_id.localeCompare(b.user_id));
}

function sortById<T extends { id: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => a.id.localeCompare(b.id));
}

/** A history message without what is the caller's own view of it (`from_blocked_user`): an export holds the data. */
function withoutCallerFlags<T extends object>(message: T): Omit<T, 'from_blocked_user'> {
  const data = { ...message } as T & { from_blocked_user?: boolean };
  delete data.from_blocked_user;
  return data;
}
