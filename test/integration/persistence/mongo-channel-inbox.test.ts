import assert from 'node:assert/strict';
import type { ChannelListing } from '../../../src/application/ports/channel-repository.port';
import type { Channel } from '../../../src/domain/channel/channel.entity';
import { Participant } from '../../../src/domain/participant/participant';
import { aContextual, aDirect, aGroup } from '../../support/builders/channel.builder';
import { draft, PersistenceFixture, T0, type TestTenant } from './persistence-fixture';

const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe('MongoChannelRepository: a member’s channels', () => {
  let fixture: PersistenceFixture;
  let tenant: TestTenant;
  before(async () => {
    fixture = await PersistenceFixture.start();
    tenant = await fixture.tenant('inbox');
  });
  after(() => fixture.stop());

  const channels = () => tenant.repos.channels;
  const ids = (listings: ChannelListing[]) => listings.map((l) => l.channel.id);

  /** Stores the channel and, at `second`, a message from alice in it. */
  async function withActivity(channel: Channel, second: number | null): Promise<Channel> {
    await channels().createIfAbsent(channel);
    if (second === null) return channel;
    const { message } = await tenant.repos.messages.append(
      draft(channel.id, 'alice', { created_at: at(second) }),
    );
    await channels().recordLastMessage(channel.id, message);
    return channel;
  }

  describe('member_ids', () => {
    it('follows the participants through every change', async () => {
      const group = aGroup(['bob', 'carol']);
      await channels().createIfAbsent(group);
      const stored = async () => (await tenant.models.channels.findById(group.id).lean())!.member_ids;
      const afterCreate = await stored();

      await channels().addParticipants(group.id, [Participant.create({ user_id: 'dan' }, T0)]);
      await channels().removeParticipant(group.id, 'bob');
      await channels().changeRole(group.id, 'carol', 'admin');

      assert.deepEqual(afterCreate, ['alice', 'bob', 'carol']);
      assert.deepEqual(await stored(), ['alice', 'carol', 'dan']);
      assert.deepEqual(await channels().findMemberIds(group.id), ['alice', 'carol', 'dan']);
      assert.equal(await channels().findMemberIds('no-such-channel'), null);
    });
  });

  describe('pageByMember and listByMember', () => {
    const user = 'ivy';
    let inboxOrder: string[];
    let contextual: Channel[];
    before(async () => {
      const old = await withActivity(aDirect(user, 'bob', { now: at(1) }), 10);
      const newest = await withActivity(aGroup([user], { now: at(2) }), 30);
      const context = (id: string) => ({
        host_application_id: 'crm',
        context_object_type: 'order',
        context_object_id: id,
      });
      contextual = [
        await withActivity(aContextual(context('1'), [user], { now: at(20) }), null),
        await withActivity(aContextual(context('2'), [user], { now: at(20) }), null),
      ];
      await withActivity(aGroup(['someone-else'], { now: at(3) }), 99);
      const sameTime = ids(contextual.map((channel) => ({ channel, lastMessage: null })))
        .sort()
        .reverse();
      inboxOrder = [newest.id, ...sameTime, old.id];
    });

    it('lists the member’s channels, newest activity first, ties by channel id descending', async () => {
      const listed = await channels().listByMember(user);

      assert.deepEqual(ids(listed), inboxOrder);
    });

    it('pages with the position of the last channel, without duplicates or gaps', async () => {
      const first = await channels().pageByMember(user, { limit: 3 });
      const last = first.listings.at(-1)!.channel;
      const after = { last_activity_at: last.lastActivityAt, channel_id: last.id };
      const second = await channels().pageByMember(user, { limit: 3, after });

      assert.deepEqual([...ids(first.listings), ...ids(second.listings)], inboxOrder);
      assert.deepEqual([first.has_more, second.has_more], [true, false]);
    });

    it('filters on the channel’s type and context', async () => {
      const byType = await channels().pageByMember(user, { limit: 10, channel_type: 'contextual_object' });
      const byObject = await channels().pageByMember(user, {
        limit: 10,
        host_application_id: 'crm',
        context_object_id: '2',
      });

      assert.deepEqual(ids(byType.listings), inboxOrder.slice(1, 3));
      assert.deepEqual(ids(byObject.listings), [contextual[1].id]);
    });
  });

  describe('the copy of the last message', () => {
    async function channelWithMessages(count: number) {
      const group = await withActivity(aGroup(['bob']), null);
      const sent = [];
      for (let i = 1; i <= count; i += 1) {
        const { message } = await tenant.repos.messages.append(
          draft(group.id, 'alice', { content: `m${i}` }),
        );
        await channels().recordLastMessage(group.id, message);
        sent.push(message);
      }
      return { group, sent };
    }
    const copyIn = async (channelId: string) => (await channels().findListing(channelId))!.lastMessage;

    it('is the latest message with every field, whatever order the sends record it in', async () => {
      const { group, sent } = await channelWithMessages(2);
      const empty = await withActivity(aGroup(), null);

      await channels().recordLastMessage(group.id, sent[0]);

      assert.deepEqual((await copyIn(group.id))!.toPrimitives(), sent[1].toPrimitives());
      assert.equal((await channels().findListing(group.id))!.channel.lastMessageId, sent[1].id);
      assert.equal(await copyIn(empty.id), null);
    });

    it('follows an edit, then a deletion, of the last message', async () => {
      const { group, sent } = await channelWithMessages(2);
      const last = sent[1];

      last.edit('edited', at(50));
      await tenant.repos.messages.update(last);
      const [edited, copyAfterEdit] = [last.toPrimitives(), await copyIn(group.id)];
      last.delete(at(60));
      await tenant.repos.messages.update(last);

      assert.deepEqual(copyAfterEdit!.toPrimitives(), edited);
      assert.deepEqual((await copyIn(group.id))!.toPrimitives(), last.toPrimitives());
      assert.equal((await copyIn(group.id))!.isDeleted, true);
    });

    it('is left alone by an edit of an older message, and never revived by a stale edit', async () => {
      const { group, sent } = await channelWithMessages(2);
      const stale = (await tenant.repos.messages.findById(sent[1].id))!;
      sent[0].edit('older, edited', at(50));
      sent[1].delete(at(60));

      await tenant.repos.messages.update(sent[0]);
      await tenant.repos.messages.update(sent[1]);
      stale.edit('too late', at(70));
      await tenant.repos.messages.update(stale);

      assert.deepEqual((await copyIn(group.id))!.toPrimitives(), sent[1].toPrimitives());
    });
  });
});
