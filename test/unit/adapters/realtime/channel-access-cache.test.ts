import assert from 'node:assert/strict';
import { ChannelAccessCache } from '../../../../src/adapters/realtime/channel-access-cache';
import type { ChannelAccess } from '../../../../src/application/ports/channel-membership.port';
import { ChannelModeration } from '../../../../src/domain/moderation/channel-moderation';

/** A channel store that counts its reads and can hold them until released. */
class MemberStore {
  reads = 0;
  private readonly members = new Map<string, string[]>();
  private held: Array<() => void> | null = null;

  set(channelId: string, userIds: string[]): void {
    this.members.set(channelId, userIds);
  }

  /** Reads started from now on wait for `release`. */
  hold(): void {
    this.held = [];
  }

  release(): void {
    const waiting = this.held ?? [];
    this.held = null;
    for (const wake of waiting) wake();
  }

  async findAccess(channelId: string): Promise<ChannelAccess | null> {
    this.reads += 1;
    const answer = this.members.get(channelId) ?? null;
    if (this.held) await new Promise<void>((resolve) => this.held!.push(resolve));
    if (!answer) return null;
    const roles = new Map(answer.map((user) => [user, 'member' as const]));
    return { channelType: 'group', roles, moderation: ChannelModeration.none() };
  }
}

describe('ChannelAccessCache', () => {
  let now: number;
  let store: MemberStore;
  let cache: ChannelAccessCache;
  const membership = () => cache.forTenant('acme', store);

  beforeEach(() => {
    now = 0;
    store = new MemberStore();
    store.set('c1', ['alice', 'bob']);
    cache = new ChannelAccessCache(1_000, () => now);
  });

  it('answers a burst of connections to one channel with one read', async () => {
    const answers = await Promise.all(
      ['alice', 'bob', 'alice', 'bob'].map((user) => membership().isMember('c1', user)),
    );

    assert.deepEqual(answers, [true, true, true, true]);
    assert.equal(store.reads, 1);
  });

  it('answers members from memory until the TTL, then reads again', async () => {
    await membership().isMember('c1', 'alice');

    now = 999;
    await membership().isMember('c1', 'bob');
    const readsWithinTtl = store.reads;
    now = 1_000;
    await membership().isMember('c1', 'bob');

    assert.deepEqual([readsWithinTtl, store.reads], [1, 2]);
  });

  it('reads again for someone not among the remembered members, who may just have been added', async () => {
    await membership().isMember('c1', 'alice');
    store.set('c1', ['alice', 'bob', 'carol']);

    const carol = await membership().isMember('c1', 'carol');
    const dan = await membership().isMember('c1', 'dan');

    assert.deepEqual([carol, dan, store.reads], [true, false, 3]);
  });

  it('forgets a channel when someone is removed from it', async () => {
    await membership().isMember('c1', 'bob');
    store.set('c1', ['alice']);

    cache.revoke('acme', 'c1');

    assert.equal(await membership().isMember('c1', 'bob'), false);
  });

  it('does not keep, nor answer with, a read that was in flight when the removal came', async () => {
    store.hold();
    const inFlight = membership().isMember('c1', 'bob');
    store.set('c1', ['alice']);
    cache.revoke('acme', 'c1');
    store.release();

    assert.equal(await inFlight, false);
    assert.equal(await membership().isMember('c1', 'bob'), false);
  });

  it('keeps tenants apart, and remembers nothing of a channel that does not exist', async () => {
    await membership().isMember('c1', 'alice');

    const otherTenant = await cache.forTenant('globex', new MemberStore()).isMember('c1', 'alice');
    const missing = [
      await membership().isMember('nope', 'alice'),
      await membership().isMember('nope', 'alice'),
    ];

    assert.deepEqual([otherTenant, ...missing], [false, false, false]);
    assert.equal(store.reads, 3);
  });

  it('forgets everything on clear (revocations may have been missed)', async () => {
    await membership().isMember('c1', 'bob');
    store.set('c1', ['alice']);

    cache.clear();

    assert.equal(await membership().isMember('c1', 'bob'), false);
  });

  it('answers a send’s access (roles, moderation) from the same memory, and forgets it when told', async () => {
    const announced: string[] = [];
    const tenant = cache.forTenant('acme', store, async (channelId) => {
      announced.push(channelId);
      cache.revoke('acme', channelId);
    });
    const first = await tenant.accessFor('c1', 'bob');
    const again = await tenant.accessFor('c1', 'alice');
    const readsBefore = store.reads;

    await tenant.changed('c1');
    await tenant.accessFor('c1', 'bob');

    assert.equal(first?.roles.get('bob'), 'member');
    assert.equal(again, first);
    assert.equal(readsBefore, 1);
    assert.deepEqual(announced, ['c1']);
    assert.equal(store.reads, 2);
  });

  it('answers null access to someone not among the members, after a read of its own', async () => {
    assert.equal(await membership().accessFor('c1', 'zed'), null);
  });
});
