import assert from 'node:assert/strict';
import type { ExportRecord } from '../../../../src/application/data-rights/export-records';
import { Message } from '../../../../src/domain/message/message.entity';
import { T0 } from '../../../support/builders/channel.builder';
import { ChatScenario } from '../../../support/builders/chat-scenario';

describe('EraseUser', () => {
  let s: ChatScenario;
  let team: string;
  let direct: string;
  let carols: string;

  beforeEach(async () => {
    s = new ChatScenario();
    team = (await s.group('bob', ['alice', 'carol'], 'Team')).id;
    direct = (await s.direct('alice', 'bob')).id;
    carols = (await s.group('carol', ['bob'], 'Carol')).id;
    await s.send('bob', team, 'bob in team', { client_message_id: 'bob-1' });
    await s.send('alice', team, 'alice in team');
    await s.send('alice', direct, 'hi bob');
    await s.send('bob', direct, 'bob in direct');
    await s.send('bob', carols, 'bob with carol');
    await s.followUps();
    await s.chat.receipts.record(range('bob', team, 2));
    await s.chat.users.upsert({
      user_id: 'bob',
      name: 'Bob',
      user_type: 'internal',
      updated_at: s.chat.clock.now(),
    });
    s.chat.events.clear();
  });

  it('takes the user out of every channel, direct ones included, promoting a successor', async () => {
    const result = await s.useCases.eraseUser.execute({ userId: 'bob' });

    assert.equal(result.channels_left, 3);
    const teamView = await s.useCases.getChannel.execute({ userId: 'alice', channelId: team });
    assert.deepEqual(
      teamView.participants.map((p) => [p.user_id, p.role]),
      [
        ['alice', 'admin'],
        ['carol', 'member'],
      ],
    );
    const directView = await s.useCases.getChannel.execute({ userId: 'alice', channelId: direct });
    assert.deepEqual(
      directView.participants.map((p) => p.user_id),
      ['alice'],
    );
    assert.match(teamView.created_by, /^erased-[0-9a-f]{32}$/);
  });

  it('turns their messages into tombstones, all authored by one pseudonym, last-message copies too', async () => {
    await s.useCases.eraseUser.execute({ userId: 'bob' });

    const erased = s.chat.messages.all().filter((m) => m.userId.startsWith('erased-'));
    assert.equal(erased.length, 3);
    assert.equal(new Set(erased.map((m) => m.userId)).size, 1);
    assert.ok(erased.every((m) => m.isDeleted && m.toPrimitives().content === ''));
    assert.ok(erased.every((m) => m.toPrimitives().client_message_id === null));
    const directView = await s.useCases.getChannel.execute({ userId: 'alice', channelId: direct });
    assert.equal(directView.last_message?.content, '');
    assert.equal(directView.last_message?.user_id, erased[0].userId);
  });

  it('keeps the content in anonymise mode, under the pseudonym', async () => {
    await s.useCases.eraseUser.execute({ userId: 'bob', mode: 'anonymise' });

    const history = await s.useCases.listMessages.execute({ userId: 'alice', channelId: team, limit: 50 });
    assert.equal(history.results[0].content, 'bob in team');
    assert.match(history.results[0].user_id, /^erased-/);
    assert.equal(history.results[0].deleted_at, null);
  });

  it('deletes their read states, receipts and profile, and forgets their live state', async () => {
    const result = await s.useCases.eraseUser.execute({ userId: 'bob' });

    assert.equal(result.profile_deleted, true);
    assert.equal(result.receipts_deleted, 1);
    assert.deepEqual(await s.chat.readStates.findByUser('bob'), []);
    assert.equal(await s.chat.users.get('bob'), null);
    assert.deepEqual(s.chat.liveState.forgotten, ['bob']);
  });

  it('publishes participant.removed per channel and message.deleted per message', async () => {
    await s.useCases.eraseUser.execute({ userId: 'bob' });

    assert.deepEqual(
      s.chat.events
        .ofType('participant.removed')
        .map((e) => e.channel_id)
        .sort(),
      [team, direct, carols].sort(),
    );
    assert.equal(s.chat.events.ofType('message.deleted').length, 3);
  });

  it('leaves nothing of the user in a later export', async () => {
    await s.useCases.eraseUser.execute({ userId: 'bob' });

    const lines = await collect(s.useCases.exportTenantData.execute({ tenant: TENANT }));
    const text = JSON.stringify(lines);
    assert.ok(!text.includes('"bob"'), text);
    assert.ok(!text.includes('bob in'), text);
  });

  it('changes nothing the second time, and says so', async () => {
    await s.useCases.eraseUser.execute({ userId: 'bob' });
    const before = JSON.stringify(await collect(s.useCases.exportTenantData.execute({ tenant: TENANT })));

    const again = await s.useCases.eraseUser.execute({ userId: 'bob' });

    assert.deepEqual(
      { ...again, mode: undefined },
      {
        user_id: 'bob',
        mode: undefined,
        channels_left: 0,
        messages_erased: 0,
        read_states_deleted: 0,
        receipts_deleted: 0,
        profile_deleted: false,
      },
    );
    const after = JSON.stringify(await collect(s.useCases.exportTenantData.execute({ tenant: TENANT })));
    assert.equal(after.replace(/"exported_at":"[^"]+"/, ''), before.replace(/"exported_at":"[^"]+"/, ''));
  });

  describe('when a first run died midway', () => {
    it('finishes on the retry, with the pseudonym of the first run', async () => {
      s.chat.erasures.crashOnce('deleteReading');
      await assert.rejects(s.useCases.eraseUser.execute({ userId: 'bob' }), /crash/);
      // A send that raced with the first run: its message still names bob.
      const draft = Message.draft({
        channel_id: team,
        user_id: 'bob',
        content: 'late',
        parent: null,
        now: T0,
      });
      await s.chat.messages.append(draft);

      const retry = await s.useCases.eraseUser.execute({ userId: 'bob' });

      assert.equal(retry.messages_erased, 1);
      assert.equal(retry.profile_deleted, true);
      const authors = new Set(s.chat.messages.all().map((m) => m.userId));
      assert.equal(authors.size, 2, [...authors].join()); // alice and one pseudonym
      assert.equal(s.chat.erasures.records.size, 0);
    });

    it('refuses a retry in the other mode with 409 conflict', async () => {
      s.chat.erasures.crashOnce('deleteReading');
      await assert.rejects(s.useCases.eraseUser.execute({ userId: 'bob' }), /crash/);

      await assert.rejects(s.useCases.eraseUser.execute({ userId: 'bob', mode: 'anonymise' }), {
        code: 'conflict',
      });
    });
  });

  it('refuses an impossible user id', async () => {
    await assert.rejects(s.useCases.eraseUser.execute({ userId: ' ' }), { code: 'validation_error' });
  });
});

const TENANT = {
  slug: 'acme',
  name: 'Acme',
  database_name: 'db',
  server: 'default',
  status: 'active' as const,
  created_at: new Date('2025-01-01T00:00:00Z'),
};

function range(userId: string, channelId: string, toSeq: number) {
  return {
    user_id: userId,
    channel_id: channelId,
    from_seq: 0,
    to_seq: toSeq,
    to_message_id: toSeq,
    read_at: new Date(),
  };
}

async function collect(records: AsyncIterable<ExportRecord>): Promise<ExportRecord[]> {
  const all: ExportRecord[] = [];
  for await (const record of records) all.push(record);
  return all;
}
