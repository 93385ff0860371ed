import assert from 'node:assert/strict';
import { createSecretKey } from 'node:crypto';
import { TenantKeyCache, type VerificationKey } from '../../../../src/adapters/edge/tenant-key-cache';

/** A registry the cache loads from: tenant → kids, counting the loads. */
class CountingRegistry {
  loads = 0;
  readonly kids = new Map<string, string[]>();
  pending: Array<() => void> = [];
  hold = false;

  load = async (tenant: string): Promise<ReadonlyMap<string, VerificationKey>> => {
    this.loads += 1;
    const snapshot = [...(this.kids.get(tenant) ?? [])];
    if (this.hold) await new Promise<void>((resolve) => this.pending.push(resolve));
    return new Map(snapshot.map((kid) => [kid, { alg: 'HS256', key: createSecretKey(Buffer.from(kid)) }]));
  };
}

describe('TenantKeyCache', () => {
  let registry: CountingRegistry;
  let now: number;
  let cache: TenantKeyCache;

  beforeEach(() => {
    registry = new CountingRegistry();
    registry.kids.set('acme', ['k1']);
    now = 0;
    cache = new TenantKeyCache(registry.load, {
      ttlMs: 60_000,
      unknownKidReloadMs: 1_000,
      maxTenants: 2,
      now: () => now,
    });
  });

  it('loads a tenant once for every token that asks while its keys are remembered', async () => {
    await Promise.all([cache.keyFor('acme', 'k1'), cache.keyFor('acme', 'k1')]);

    const again = await cache.keyFor('acme', 'k1');

    assert.equal(again?.alg, 'HS256');
    assert.equal(registry.loads, 1);
  });

  it("answers null for another tenant's kid", async () => {
    registry.kids.set('globex', ['k2']);

    assert.equal(await cache.keyFor('acme', 'k2'), null);
  });

  describe('when a kid is unknown', () => {
    it('loads again at most once per second, however many tokens name it', async () => {
      await cache.keyFor('acme', 'k1');

      await Promise.all([cache.keyFor('acme', 'made-up'), cache.keyFor('acme', 'made-up-2')]);
      now += 1_000;
      await Promise.all([cache.keyFor('acme', 'made-up'), cache.keyFor('acme', 'made-up-2')]);

      assert.equal(registry.loads, 2);
    });

    it('finds a key added since the last load once a second has passed', async () => {
      await cache.keyFor('acme', 'k1');
      registry.kids.set('acme', ['k1', 'k2']);
      now += 1_000;

      assert.ok(await cache.keyFor('acme', 'k2'));
    });
  });

  it('forgets a tenant: a revoked key is refused on the next token', async () => {
    await cache.keyFor('acme', 'k1');
    registry.kids.set('acme', []);

    cache.forget('acme');

    assert.equal(await cache.keyFor('acme', 'k1'), null);
  });

  it('does not keep a load that was in flight when the tenant was forgotten', async () => {
    registry.hold = true;
    const inFlight = cache.keyFor('acme', 'k1');
    cache.forget('acme');
    registry.kids.set('acme', []);
    registry.hold = false;
    for (const release of registry.pending.splice(0)) release();
    await inFlight;

    assert.equal(await cache.keyFor('acme', 'k1'), null);
  });

  it('loads again after its TTL, announced or not', async () => {
    await cache.keyFor('acme', 'k1');
    registry.kids.set('acme', []);

    now += 60_000;

    assert.equal(await cache.keyFor('acme', 'k1'), null);
  });

  it('does not remember a failed load', async () => {
    const failing = new TenantKeyCache(async () => {
      throw new Error('mongodb down');
    });

    await assert.rejects(failing.keyFor('acme', 'k1'), /mongodb down/);
    await assert.rejects(failing.keyFor('acme', 'k1'), /mongodb down/);
  });

  it('remembers at most maxTenants tenants, forgetting the oldest', async () => {
    await cache.keyFor('acme', 'k1');
    await cache.keyFor('globex', 'k1');
    await cache.keyFor('initech', 'k1');

    await cache.keyFor('acme', 'k1');

    assert.equal(registry.loads, 4);
  });
});
