import assert from 'node:assert/strict';
import { aGroup } from '../../support/builders/channel.builder';
import { appendMany, draft, PersistenceFixture, T0, type TestTenant } from './persistence-fixture';

describe('MongoMessageRepository', () => {
  let fixture: PersistenceFixture;
  let tenant: TestTenant;
  before(async () => {
    fixture = await PersistenceFixture.start();
    tenant = await fixture.tenant('messages');
  });
  after(() => fixture.stop());

  const messages = () => tenant.repos.messages;
  const newChannel = () => aGroup().id;

  describe('append', () => {
    it('gives a channel’s messages seq 1, 2, 3 and increasing ids', async () => {
      const channelId = newChannel();

      const sent = await appendMany(tenant.repos, channelId, 3);

      assert.deepEqual(
        sent.map((m) => m.seq),
        [1, 2, 3],
      );
      assert.ok(sent[0].id < sent[1].id && sent[1].id < sent[2].id);
    });

    it('keeps ids increasing across the tenant’s channels while each channel counts its own seq', async () => {
      const [a, b] = [newChannel(), newChannel()];

      const first = await messages().append(draft(a));
      const second = await messages().append(draft(b));
      const third = await messages().append(draft(a));

      assert.deepEqual(
        [first, second, third].map((r) => r.message.seq),
        [1, 1, 2],
      );
      assert.ok(first.message.id < second.message.id && second.message.id < third.message.id);
    });

    it('stores every field of the draft', async () => {
      const channelId = newChannel();
      const reply = draft(channelId, 'bob', {
        content: '**hi**',
        content_type: 'text/markdown',
        file_url: 'https://files.example/a.png',
        parent_id: 41,
        client_message_id: 'c-1',
      });

      const { message } = await messages().append(reply);

      assert.deepEqual((await messages().findById(message.id))!.toPrimitives(), {
        ...reply,
        id: message.id,
        seq: 1,
      });
    });

    it('returns the first message, stores nothing, for a repeated client_message_id', async () => {
      const channelId = newChannel();
      const first = await messages().append(
        draft(channelId, 'alice', { client_message_id: 'same', content: 'one' }),
      );

      const repeat = await messages().append(
        draft(channelId, 'alice', { client_message_id: 'same', content: 'two' }),
      );

      assert.deepEqual([first.created, repeat.created], [true, false]);
      assert.deepEqual(repeat.message.toPrimitives(), first.message.toPrimitives());
      assert.equal((await messages().page(channelId, { limit: 10 })).messages.length, 1);
    });

    it('treats the same client_message_id from another user or in another channel as a new message', async () => {
      const [a, b] = [newChannel(), newChannel()];
      await messages().append(draft(a, 'alice', { client_message_id: 'k' }));

      const otherUser = await messages().append(draft(a, 'bob', { client_message_id: 'k' }));
      const otherChannel = await messages().append(draft(b, 'alice', { client_message_id: 'k' }));

      assert.deepEqual([otherUser.created, otherChannel.created], [true, true]);
    });
  });

  describe('when the stored counter lags behind (a crash between the insert and the counter write)', () => {
    it('continues after the message the counter missed, with a greater id', async () => {
      const channelId = newChannel();
      const [first] = await appendMany(tenant.repos, channelId, 1);
      const orphan = {
        ...draft(channelId),
        _id: first.id + 1000,
        seq: 2,
        block: 0,
        idem_key: `id:${first.id + 1000}`,
      };
      await tenant.models.messages.create(orphan);

      const { message } = await messages().append(draft(channelId));

      assert.equal(message.seq, 3);
      assert.ok(message.id > orphan._id);
    });

    it('shows the message the counter missed at the end of the history', async () => {
      const channelId = newChannel();
      const [first] = await appendMany(tenant.repos, channelId, 1);
      const orphanId = first.id + 1000;
      await tenant.models.messages.create({
        ...draft(channelId),
        _id: orphanId,
        seq: 2,
        block: 0,
        idem_key: `id:${orphanId}`,
      });

      const latest = await messages().page(channelId, { limit: 10 });
      const afterFirst = await messages().page(channelId, { limit: 10, afterSeq: 1 });

      assert.deepEqual(
        latest.messages.map((m) => m.id),
        [first.id, orphanId],
      );
      assert.deepEqual(
        afterFirst.messages.map((m) => m.id),
        [orphanId],
      );
      assert.deepEqual([latest.has_more_after, afterFirst.has_more_before], [false, true]);
    });
  });

  describe('when Redis lost the id counter', () => {
    const loseCounter = () => fixture.redis.del(`${fixture.keyPrefix}:${tenant.db.name}:message-id`);

    it('restarts above the highest stored id', async () => {
      const [before] = await appendMany(tenant.repos, newChannel(), 1);
      await loseCounter();

      const { message } = await messages().append(draft(newChannel()));

      assert.ok(message.id > before.id);
    });

    it('skips an id that was stored without its counter, instead of reusing it', async () => {
      const [last] = await appendMany(tenant.repos, newChannel(), 1);
      const orphanId = last.id + 1;
      await tenant.models.messages.create({
        ...draft(newChannel()),
        _id: orphanId,
        seq: 1,
        block: 0,
        idem_key: `id:${orphanId}`,
      });
      await loseCounter();

      const { message, created } = await messages().append(draft(newChannel()));

      assert.equal(created, true);
      assert.ok(message.id > orphanId);
    });
  });

  describe('reads', () => {
    it('finds a message by id, and nothing for an unknown id', async () => {
      const { message } = await messages().append(draft(newChannel()));

      assert.deepEqual((await messages().findById(message.id))!.toPrimitives(), message.toPrimitives());
      assert.equal(await messages().findById(987_654_321), null);
    });

    it('finds the messages that exist among the ids', async () => {
      const sent = await appendMany(tenant.repos, newChannel(), 3);

      const found = await messages().findManyByIds([sent[2].id, 987_654_321, sent[0].id, sent[0].id]);

      assert.deepEqual(
        found.map((m) => m.id).sort((a, b) => a - b),
        [sent[0].id, sent[2].id],
      );
    });

    it('finds a channel’s last message with every field as stored', async () => {
      const channelId = newChannel();
      const full = draft(channelId, 'bob', {
        content: '_x_',
        content_type: 'text/markdown',
        file_url: 'https://files.example/b.pdf',
        parent_id: 3,
        client_message_id: 'full',
      });
      const { message } = await messages().append(full);

      const [found] = await messages().findManyByIds([message.id]);

      assert.deepEqual(found.toPrimitives(), { ...full, id: message.id, seq: 1 });
    });

    it('finds the latest state of a channel’s last message after an edit and a deletion', async () => {
      const channelId = newChannel();
      const [older, last] = await appendMany(tenant.repos, channelId, 2);
      last.edit('edited', new Date(T0.getTime() + 1_000));
      await messages().update(last);
      const afterEdit = await messages().findManyByIds([last.id, older.id]);
      last.delete(new Date(T0.getTime() + 2_000));
      await messages().update(last);

      const afterDelete = await messages().findManyByIds([last.id]);

      assert.deepEqual(afterEdit.map((m) => m.toPrimitives().content).sort(), ['edited', 'message 1']);
      assert.deepEqual(
        afterDelete.map((m) => [m.isDeleted, m.toPrimitives().content]),
        [[true, '']],
      );
    });

    it('finds a message by its client_message_id for that user and channel only', async () => {
      const channelId = newChannel();
      const { message } = await messages().append(
        draft(channelId, 'alice', { client_message_id: 'find-me' }),
      );

      assert.equal((await messages().findByClientMessageId(channelId, 'alice', 'find-me'))!.id, message.id);
      assert.equal(await messages().findByClientMessageId(channelId, 'bob', 'find-me'), null);
      assert.equal(await messages().findByClientMessageId(newChannel(), 'alice', 'find-me'), null);
    });
  });

  describe('update', () => {
    it('writes an edit: content and edited_at, id and seq unchanged', async () => {
      const { message } = await messages().append(draft(newChannel()));
      const later = new Date(T0.getTime() + 5_000);
      message.edit('edited', later);

      await messages().update(message);

      const found = (await messages().findById(message.id))!.toPrimitives();
      assert.deepEqual(
        [found.content, found.edited_at, found.id, found.seq],
        ['edited', later, message.id, 1],
      );
    });

    it('writes a deletion as a tombstone without content or file', async () => {
      const { message } = await messages().append(
        draft(newChannel(), 'alice', { file_url: 'https://f.example/x' }),
      );
      const later = new Date(T0.getTime() + 5_000);
      message.delete(later);

      await messages().update(message);

      const found = (await messages().findById(message.id))!.toPrimitives();
      assert.deepEqual([found.content, found.file_url, found.deleted_at], ['', null, later]);
    });

    it('never revives a tombstone with an edit that was loaded before the deletion', async () => {
      const { message } = await messages().append(draft(newChannel()));
      const [stale, deleted] = [
        (await messages().findById(message.id))!,
        (await messages().findById(message.id))!,
      ];
      deleted.delete(new Date(T0.getTime() + 1_000));
      await messages().update(deleted);
      stale.edit('too late', new Date(T0.getTime() + 2_000));

      await messages().update(stale);

      const found = (await messages().findById(message.id))!;
      assert.deepEqual([found.isDeleted, found.toPrimitives().content], [true, '']);
    });
  });
});
