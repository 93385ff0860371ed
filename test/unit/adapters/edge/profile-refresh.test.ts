import assert from 'node:assert/strict';
import { ProfileRefresh } from '../../../../src/adapters/edge/profile-refresh';
import { UpsertUserProfile } from '../../../../src/application/users/upsert-user-profile.use-case';
import { ManualClock } from '../../../support/in-memory/clock.fakes';
import { InMemoryUserDirectory } from '../../../support/in-memory/in-memory-directories';

describe('ProfileRefresh', () => {
  const clock = new ManualClock();
  let users: InMemoryUserDirectory;
  let upsert: UpsertUserProfile;
  const alice = { userId: 'alice', tenant: 'acme', name: 'Alice', userType: 'internal' as const };

  beforeEach(() => {
    users = new InMemoryUserDirectory();
    upsert = new UpsertUserProfile(users, clock);
  });

  const writtenAt = async (userId: string) => (await users.get(userId))?.updated_at.getTime();

  it("stores the profile from the token's claims the first time a user is seen", async () => {
    const refresh = new ProfileRefresh();

    await refresh.refresh('acme', alice, upsert);

    assert.equal((await users.get('alice'))?.name, 'Alice');
  });

  it('does not write again while the claims stay the same', async () => {
    const refresh = new ProfileRefresh();
    await refresh.refresh('acme', alice, upsert);
    const first = await writtenAt('alice');
    clock.advance(1000);

    await refresh.refresh('acme', alice, upsert);

    assert.equal(await writtenAt('alice'), first);
  });

  it('writes once for refreshes of the same claims that arrive together', async () => {
    const refresh = new ProfileRefresh();
    let writes = 0;
    const counting = new UpsertUserProfile(
      {
        upsert: async (profile) => {
          writes += 1;
          return users.upsert(profile);
        },
        get: (userId) => users.get(userId),
      },
      clock,
    );

    await Promise.all([1, 2, 3].map(() => refresh.refresh('acme', alice, counting)));

    assert.equal(writes, 1);
  });

  it('runs only a few writes at once in a burst of new users, and stores every profile', async () => {
    const refresh = new ProfileRefresh(10_000, 2);
    let [running, most] = [0, 0];
    const slow = new UpsertUserProfile(
      {
        upsert: async (profile) => {
          most = Math.max(most, (running += 1));
          await new Promise((resolve) => setTimeout(resolve, 5));
          running -= 1;
          return users.upsert(profile);
        },
        get: (userId) => users.get(userId),
      },
      clock,
    );
    const burst = ['u1', 'u2', 'u3', 'u4', 'u5'];

    await Promise.all(burst.map((userId) => refresh.refresh('acme', { ...alice, userId }, slow)));

    assert.equal(most, 2);
    assert.deepEqual(await Promise.all(burst.map(async (id) => (await users.get(id))?.user_id)), burst);
  });

  it('writes again when the name or the user type changes', async () => {
    const refresh = new ProfileRefresh();
    await refresh.refresh('acme', alice, upsert);

    await refresh.refresh('acme', { ...alice, userType: 'guest' }, upsert);

    assert.equal((await users.get('alice'))?.user_type, 'guest');
  });

  it('keeps tenants apart: the same user id in another tenant is written too', async () => {
    const refresh = new ProfileRefresh();
    const otherUsers = new InMemoryUserDirectory();
    await refresh.refresh('acme', alice, upsert);

    await refresh.refresh('globex', alice, new UpsertUserProfile(otherUsers, clock));

    assert.equal((await otherUsers.get('alice'))?.name, 'Alice');
  });

  it('forgets the least recently seen user beyond its capacity, and writes them again', async () => {
    const refresh = new ProfileRefresh(2);
    for (const userId of ['alice', 'bob', 'carol'])
      await refresh.refresh('acme', { ...alice, userId }, upsert);
    const [aliceBefore, carolBefore] = [await writtenAt('alice'), await writtenAt('carol')];
    clock.advance(1000);

    await refresh.refresh('acme', alice, upsert);
    await refresh.refresh('acme', { ...alice, userId: 'carol' }, upsert);

    assert.equal(await writtenAt('alice'), aliceBefore! + 1000);
    assert.equal(await writtenAt('carol'), carolBefore);
  });
});
