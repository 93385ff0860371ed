import assert from 'node:assert/strict';
import type { ExportRecord } from '../../../../src/application/data-rights/export-records';
import { ChatScenario } from '../../../support/builders/chat-scenario';

const TENANT = {
  slug: 'acme',
  name: 'Acme',
  database_name: 'db',
  server: 'default',
  status: 'active' as const,
  created_at: new Date('2025-01-01T00:00:00Z'),
};

describe('ExportTenantData', () => {
  it('writes the tenant, each channel followed by its lines, the users, then the counts', async () => {
    const s = new ChatScenario();
    const team = await s.group('alice', ['bob'], 'Team');
    const first = await s.send('alice', team.id, 'one');
    await s.send('bob', team.id, 'two', { parent_id: first.id });
    await s.followUps();
    await s.chat.users.upsert({
      user_id: 'alice',
      name: 'Alice',
      user_type: 'internal',
      updated_at: s.chat.clock.now(),
    });

    const lines = await collect(s.useCases.exportTenantData.execute({ tenant: TENANT }));

    assert.deepEqual(
      lines.map((l) => l.type),
      [
        'tenant',
        'channel',
        'participant',
        'participant',
        'message',
        'message',
        'read_state',
        'read_state',
        'user',
        'end',
      ],
    );
    assert.deepEqual(lines.at(-1), {
      type: 'end',
      counts: {
        channels: 1,
        participants: 2,
        memberships: 0,
        messages: 2,
        read_states: 2,
        receipts: 0,
        users: 1,
      },
    });
    const messages = lines.filter((l) => l.type === 'message');
    assert.deepEqual(
      messages.map((m) => [m.seq, m.content, m.parent_id]),
      [
        [1, 'one', null],
        [2, 'two', first.id],
      ],
    );
  });

  it('derives each read state’s unread count from the channel, as the views do', async () => {
    const s = new ChatScenario();
    const team = await s.group('alice', ['bob'], 'Team');
    await s.sendMany('alice', team.id, 3);
    await s.followUps();

    const lines = await collect(s.useCases.exportTenantData.execute({ tenant: TENANT }));

    const states = lines.filter((l) => l.type === 'read_state');
    const view = await s.useCases.getChannel.execute({ userId: 'bob', channelId: team.id });
    assert.deepEqual(
      states.find((st) => st.user_id === 'bob'),
      {
        type: 'read_state',
        channel_id: team.id,
        user_id: 'bob',
        last_read_message_id: view.last_read_message_id,
        unread_count: 3,
        is_muted: false,
      },
    );
  });
});

describe('ExportUserData', () => {
  it('writes their profile, memberships with roles, read states, and messages also from channels they left', async () => {
    const s = new ChatScenario();
    const team = await s.group('alice', ['bob'], 'Team');
    const left = await s.group('alice', ['bob'], 'Left');
    await s.send('bob', team.id, 'in team');
    await s.send('bob', left.id, 'in left');
    await s.send('alice', team.id, 'not bob’s');
    await s.useCases.removeParticipant.execute({ userId: 'bob', channelId: left.id, targetUserId: 'bob' });

    const lines = await collect(s.useCases.exportUserData.execute({ tenant: TENANT, userId: 'bob' }));

    assert.deepEqual(
      lines.map((l) => l.type),
      ['tenant', 'user', 'membership', 'read_state', 'message', 'message', 'end'],
    );
    assert.deepEqual(lines[1], {
      type: 'user',
      user_id: 'bob',
      name: null,
      user_type: null,
      updated_at: null,
    });
    const membership = lines.find((l) => l.type === 'membership');
    assert.equal(membership?.type === 'membership' && membership.role, 'member');
    const contents = lines.flatMap((l) => (l.type === 'message' ? [l.content] : []));
    assert.deepEqual(contents.sort(), ['in left', 'in team']);
  });
});

async function collect(records: AsyncIterable<ExportRecord>): Promise<ExportRecord[]> {
  const all: ExportRecord[] = [];
  for await (const record of records) all.push(record);
  return all;
}
