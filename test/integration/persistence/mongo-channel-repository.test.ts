import assert from 'node:assert/strict';
import { Participant } from '../../../src/domain/participant/participant';
import { aContextual, aDirect, aGroup } from '../../support/builders/channel.builder';
import { aMessage } from '../../support/builders/message.builder';
import { PersistenceFixture, T0, type TestTenant } from './persistence-fixture';

describe('MongoChannelRepository', () => {
  let fixture: PersistenceFixture;
  let tenant: TestTenant;
  before(async () => {
    fixture = await PersistenceFixture.start();
    tenant = await fixture.tenant('channels');
  });
  after(() => fixture.stop());

  const channels = () => tenant.repos.channels;
  const userIds = async (channelId: string) =>
    (await channels().findById(channelId))!.participants.map((p) => p.userId);

  describe('createIfAbsent', () => {
    it('stores a new channel with its participants and reads it back equal', async () => {
      const group = aGroup(['bob', { user_id: 'gus', user_type: 'guest' }]);

      const result = await channels().createIfAbsent(group);
      const found = await channels().findById(group.id);

      assert.equal(result.created, true);
      assert.deepEqual(found!.toPrimitives(), group.toPrimitives());
    });

    it('returns the existing direct channel of the same pair, whoever creates it', async () => {
      const first = aDirect('ann', 'ben');
      await channels().createIfAbsent(first);

      const again = await channels().createIfAbsent(aDirect('ben', 'ann'));

      assert.equal(again.created, false);
      assert.equal(again.channel.id, first.id);
    });

    it('returns the existing contextual channel of the same context', async () => {
      const context = { host_application_id: 'crm', context_object_type: 'ticket', context_object_id: 'T-1' };
      const first = aContextual(context, ['bob']);
      await channels().createIfAbsent(first);

      const again = await channels().createIfAbsent(aContextual(context, ['carol'], { creator: 'dan' }));

      assert.equal(again.created, false);
      assert.deepEqual(again.channel.toPrimitives(), first.toPrimitives());
    });

    it('creates as many groups as asked, even with the same name and people', async () => {
      const [a, b] = [aGroup(['bob']), aGroup(['bob'])];

      const results = [await channels().createIfAbsent(a), await channels().createIfAbsent(b)];

      assert.deepEqual(
        results.map((r) => r.created),
        [true, true],
      );
    });
  });

  describe('reads', () => {
    it('finds nothing for an unknown id', async () => {
      assert.equal(await channels().findById('00000000-0000-4000-8000-00000000dead'), null);
    });

    it('finds the channels that exist among the ids, ignoring unknown ones and repeats', async () => {
      const [a, b] = [aGroup(), aGroup()];
      await channels().createIfAbsent(a);
      await channels().createIfAbsent(b);

      const found = await channels().findManyByIds([a.id, 'no-such-channel', b.id, a.id]);

      assert.deepEqual(found.map((c) => c.id).sort(), [a.id, b.id].sort());
    });
  });

  describe('writes', () => {
    it('saves the name and updated_at, leaving participants and last message alone', async () => {
      const group = aGroup(['bob']);
      await channels().createIfAbsent(group);
      await channels().recordLastMessage(group.id, aMessage({ id: 7, seq: 1, channel_id: group.id }));
      const later = new Date(T0.getTime() + 60_000);
      group.rename('Renamed', later);

      await channels().save(group);

      const found = (await channels().findById(group.id))!.toPrimitives();
      assert.deepEqual([found.name, found.updated_at, found.last_message_id], ['Renamed', later, 7]);
      assert.deepEqual(await userIds(group.id), ['alice', 'bob']);
    });

    it('adds a participant, and adding them again changes nothing', async () => {
      const group = aGroup(['bob']);
      await channels().createIfAbsent(group);
      const carol = Participant.create({ user_id: 'carol', role: 'guest', user_type: 'guest' }, T0);

      await channels().addParticipants(group.id, [carol]);
      await channels().addParticipants(group.id, [
        Participant.create({ user_id: 'carol', role: 'admin' }, T0),
      ]);

      const stored = (await channels().findById(group.id))!.participant('carol')!;
      assert.deepEqual(stored.toPrimitives(), carol.toPrimitives());
      assert.deepEqual(await userIds(group.id), ['alice', 'bob', 'carol']);
    });

    it('adds several participants in one write, skipping those already in', async () => {
      const group = aGroup(['bob']);
      await channels().createIfAbsent(group);
      const bobAsAdmin = Participant.create({ user_id: 'bob', role: 'admin' }, T0);

      await channels().addParticipants(group.id, [
        Participant.create({ user_id: 'carol' }, T0),
        bobAsAdmin,
        Participant.create({ user_id: 'dave' }, T0),
      ]);

      const found = (await channels().findById(group.id))!;
      assert.deepEqual(
        found.participants.map((p) => [p.userId, p.role]),
        [
          ['alice', 'admin'],
          ['bob', 'member'],
          ['carol', 'member'],
          ['dave', 'member'],
        ],
      );
    });

    it('removes a participant, and removing a non-participant changes nothing', async () => {
      const group = aGroup(['bob', 'carol']);
      await channels().createIfAbsent(group);

      await channels().removeParticipant(group.id, 'bob');
      await channels().removeParticipant(group.id, 'nobody');

      assert.deepEqual(await userIds(group.id), ['alice', 'carol']);
    });

    it('changes a role, and changing a non-participant’s role changes nothing', async () => {
      const group = aGroup(['bob']);
      await channels().createIfAbsent(group);

      await channels().changeRole(group.id, 'bob', 'admin');
      await channels().changeRole(group.id, 'nobody', 'admin');

      const found = (await channels().findById(group.id))!;
      assert.deepEqual(
        found.participants.map((p) => [p.userId, p.role]),
        [
          ['alice', 'admin'],
          ['bob', 'admin'],
        ],
      );
    });

    it('ignores participant changes on an unknown channel', async () => {
      await channels().addParticipants('no-such-channel', [Participant.create({ user_id: 'x' }, T0)]);
      await channels().removeParticipant('no-such-channel', 'x');
      await channels().changeRole('no-such-channel', 'x', 'admin');

      assert.equal(await channels().findById('no-such-channel'), null);
    });

    it('records the last message only when its seq is greater than the stored one', async () => {
      const group = aGroup();
      await channels().createIfAbsent(group);
      const at = (s: number) => new Date(T0.getTime() + s * 1000);
      const last = (id: number, seq: number, created_at: Date) =>
        aMessage({ id, seq, created_at, channel_id: group.id, content: `seq ${seq}` });

      await channels().recordLastMessage(group.id, last(20, 2, at(2)));
      await channels().recordLastMessage(group.id, last(10, 1, at(1)));
      await channels().recordLastMessage(group.id, last(20, 2, at(9)));

      const found = (await channels().findById(group.id))!.toPrimitives();
      assert.deepEqual(
        [found.last_message_id, found.last_message_seq, found.last_message_at],
        [20, 2, at(2)],
      );
    });
  });
});
