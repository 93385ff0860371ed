import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ReadPointer } from '../../../src/domain/read/read-pointer';
import { aState, PersistenceFixture, type TestTenant } from './persistence-fixture';

describe('MongoReadStateRepository', () => {
  let fixture: PersistenceFixture;
  let tenant: TestTenant;
  before(async () => {
    fixture = await PersistenceFixture.start();
    tenant = await fixture.tenant('states');
  });
  after(() => fixture.stop());

  const states = () => tenant.repos.readStates;

  describe('create and find', () => {
    it('stores a row and finds it by user and channel', async () => {
      const row = aState({ user_id: 'dora', channel_type: 'contextual_object', host_application_id: 'crm' });

      await states().create(row);

      assert.deepEqual(await states().find('dora', row.channel_id), row);
      assert.equal(await states().find('someone-else', row.channel_id), null);
    });

    it('never overwrites an existing row', async () => {
      const row = aState({ user_id: 'eve', unread_count: 3 });
      await states().create(row);

      await states().create({ ...row, unread_count: 99, is_muted: true });

      assert.deepEqual(await states().find('eve', row.channel_id), row);
    });
  });

  describe('rows by user and by channel', () => {
    const user = 'rows-user';
    const rows = [aState({ user_id: user }), aState({ user_id: user }), aState({ user_id: user })];
    before(() => Promise.all([...rows, aState({ user_id: 'not-them' })].map((r) => states().create(r))));
    const ids = (found: { channel_id: string }[]) => found.map((r) => r.channel_id).sort();

    it('finds every row of the user, and only theirs', async () => {
      assert.deepEqual(ids(await states().findByUser(user)), ids(rows));
    });

    it('finds only the rows of the channels asked for, and none for an empty list', async () => {
      const asked = [rows[0].channel_id, rows[2].channel_id];

      assert.deepEqual(ids(await states().findByUser(user, asked)), asked.sort());
      assert.deepEqual(await states().findByUser(user, []), []);
    });

    it('lists a channel’s rows', async () => {
      const channelId = randomUUID();
      await Promise.all(
        ['u1', 'u2'].map((u) => states().create(aState({ user_id: u, channel_id: channelId }))),
      );

      const listed = await states().listByChannel(channelId);

      assert.deepEqual(listed.map((s) => s.user_id).sort(), ['u1', 'u2']);
    });
  });

  describe('advancePointer', () => {
    it('moves the pointer forward and says it moved', async () => {
      const row = aState({ user_id: 'fay' });
      await states().create(row);

      const moved = await states().advancePointer('fay', row.channel_id, ReadPointer.at(42, 7));

      assert.equal(moved, true);
      assert.deepEqual(await states().find('fay', row.channel_id), {
        ...row,
        last_read_message_id: 42,
        last_read_seq: 7,
      });
    });

    it('never moves the pointer back', async () => {
      const row = aState({ user_id: 'gil', last_read_message_id: 50, last_read_seq: 9 });
      await states().create(row);

      const moved = await states().advancePointer('gil', row.channel_id, ReadPointer.at(42, 7));

      assert.equal(moved, false);
      assert.deepEqual(await states().find('gil', row.channel_id), row);
    });

    it('moves nothing when there is no row', async () => {
      assert.equal(await states().advancePointer('nobody', randomUUID(), ReadPointer.at(1, 1)), false);
    });
  });

  describe('other updates', () => {
    it('sets the mute flag', async () => {
      const row = aState({ user_id: 'hal' });
      await states().create(row);

      await states().setMuted('hal', row.channel_id, true);

      assert.deepEqual(await states().find('hal', row.channel_id), { ...row, is_muted: true });
    });

    it('removes a row, and removing a missing row changes nothing', async () => {
      const row = aState({ user_id: 'kim' });
      await states().create(row);

      await states().remove('kim', row.channel_id);
      await states().remove('kim', row.channel_id);

      assert.equal(await states().find('kim', row.channel_id), null);
    });

    it('ignores updates of a missing row', async () => {
      const channelId = randomUUID();

      await states().setMuted('ghost', channelId, true);

      assert.equal(await states().find('ghost', channelId), null);
    });
  });
});
