import assert from 'node:assert/strict';
import { ChatClient } from '../support/chat-client';
import { startTestApi, type TestApi } from '../support/test-api';
import { uniqueSlug } from '../support/test-env';

describe('Channels API', () => {
  let api: TestApi;
  let alice: ChatClient;
  let bob: ChatClient;
  let carol: ChatClient;

  before(async () => {
    api = await startTestApi();
  });
  after(() => api.stop());

  beforeEach(async () => {
    const tenant = await api.createTenant(uniqueSlug('channels'));
    [alice, bob, carol] = await Promise.all(
      ['alice', 'bob', 'carol'].map((u) => ChatClient.as(api, tenant, u)),
    );
  });

  describe('POST channels/', () => {
    it('creates a group with 201, the creator as admin and the others as members', async () => {
      const res = await alice.post('channels/', {
        channel_type: 'group',
        name: 'Launch',
        participant_ids: ['bob'],
      });

      assert.equal(res.status, 201);
      assert.equal(res.body.name, 'Launch');
      assert.equal(res.body.created_by, 'alice');
      assert.deepEqual(
        res.body.participants.map((p: { user_id: string; role: string }) => [p.user_id, p.role]),
        [
          ['alice', 'admin'],
          ['bob', 'member'],
        ],
      );
    });

    it('creates a direct channel with 201, then returns the same one with 200 to either user', async () => {
      const first = await alice.post('channels/', { channel_type: 'direct', participant_ids: ['bob'] });

      const again = await alice.post('channels/', { channel_type: 'direct', participant_ids: ['bob'] });
      const fromBob = await bob.post('channels', { channel_type: 'direct', participant_ids: ['alice'] });

      assert.equal(first.status, 201);
      assert.equal(again.status, 200);
      assert.equal(fromBob.status, 200);
      assert.equal(again.body.id, first.body.id);
      assert.equal(fromBob.body.id, first.body.id);
    });

    it('gets or creates the one contextual channel of an object, and hides it from outsiders', async () => {
      const context = { host_application_id: 'crm', context_object_type: 'order', context_object_id: '42' };

      const first = await alice.post('channels/', {
        channel_type: 'contextual_object',
        participant_ids: ['bob'],
        ...context,
      });
      const fromBob = await bob.post('channels/', { channel_type: 'contextual_object', ...context });
      const fromCarol = await carol.post('channels/', { channel_type: 'contextual_object', ...context });

      assert.equal(first.status, 201);
      assert.equal(fromBob.status, 200);
      assert.equal(fromBob.body.id, first.body.id);
      assert.equal(fromCarol.status, 404);
      assert.equal(fromCarol.body.error.code, 'channel_not_found');
    });

    for (const [label, body, field] of [
      ['a group without a name', { channel_type: 'group' }, 'name'],
      [
        'a direct channel with two others',
        { channel_type: 'direct', participant_ids: ['bob', 'carol'] },
        'participant_ids',
      ],
      [
        'a contextual channel without its object id',
        { channel_type: 'contextual_object', host_application_id: 'crm', context_object_type: 'order' },
        'context_object_id',
      ],
      ['an unknown channel_type', { channel_type: 'broadcast', name: 'x' }, 'channel_type'],
      [
        'a participant with an unknown role',
        { channel_type: 'group', name: 'x', participants: [{ user_id: 'bob', role: 'owner' }] },
        'participants.0.role',
      ],
    ] as const) {
      it(`answers 400 validation_error naming the field for ${label}`, async () => {
        const res = await alice.post('channels/', body);

        assert.equal(res.status, 400);
        assert.equal(res.body.error.code, 'validation_error');
        assert.ok(
          res.body.error.details.fields.some((f: { field: string }) => f.field === field),
          JSON.stringify(res.body.error),
        );
      });
    }
  });

  describe('GET channels/', () => {
    it("lists the caller's channels, most recent activity first", async () => {
      const older = await alice.group(['bob'], 'Older');
      const newer = await alice.group(['carol'], 'Newer');
      await bob.send(older.id, 'bump');

      const res = await alice.get('channels/');

      assert.equal(res.status, 200);
      assert.deepEqual(
        res.body.results.map((c: { id: string }) => c.id),
        [older.id, newer.id],
      );
      assert.equal(res.body.next_cursor, null);
    });

    it('filters by channel_type and context, and pages with next_cursor', async () => {
      await alice.direct('bob');
      await alice.group(['bob'], 'One');
      await alice.group(['bob'], 'Two');

      const groups = await alice.get('channels/?channel_type=group&limit=1');
      const rest = await alice.get(`channels/?channel_type=group&limit=1&cursor=${groups.body.next_cursor}`);

      assert.equal(groups.body.results[0].name, 'Two');
      assert.equal(rest.body.results[0].name, 'One');
      assert.equal(rest.body.next_cursor, null);
    });

    it('answers 400 for a limit out of range or a bad cursor', async () => {
      const limit = await alice.get('channels/?limit=101');
      const cursor = await alice.get('channels/?cursor=not-a-cursor');

      assert.equal(limit.status, 400);
      assert.equal(cursor.status, 400);
      assert.equal(cursor.body.error.details.fields[0].field, 'cursor');
    });
  });
});
