import assert from 'node:assert/strict';
import { userProfile } from '../../../src/domain/user/user-profile';
import { PersistenceFixture, T0, type TestTenant } from './persistence-fixture';

describe('MongoUserDirectory', () => {
  let fixture: PersistenceFixture;
  let tenant: TestTenant;
  before(async () => {
    fixture = await PersistenceFixture.start();
    tenant = await fixture.tenant('users');
  });
  after(() => fixture.stop());

  const users = () => tenant.repos.users;

  it('creates a profile and returns what it stored', async () => {
    const profile = userProfile('ann', 'Ann', 'guest', T0);

    const stored = await users().upsert(profile);

    assert.deepEqual(stored, profile);
    assert.deepEqual(await users().get('ann'), profile);
  });

  it('replaces the name and user type of a known user', async () => {
    await users().upsert(userProfile('ben', 'Ben', 'internal', T0));
    const later = new Date(T0.getTime() + 1_000);

    await users().upsert(userProfile('ben', null, 'guest', later));

    assert.deepEqual(await users().get('ben'), {
      user_id: 'ben',
      name: null,
      user_type: 'guest',
      updated_at: later,
    });
  });

  it('knows nothing of a user who never connected', async () => {
    assert.equal(await users().get('never-seen'), null);
  });

  it('keeps one profile when a user’s first connections race', async () => {
    const profiles = Array.from({ length: 10 }, (_, i) => userProfile('racer', `Name ${i}`, 'internal', T0));

    await Promise.all(profiles.map((p) => users().upsert(p)));

    assert.equal(await tenant.models.users.countDocuments({ _id: 'racer' }), 1);
  });
});
