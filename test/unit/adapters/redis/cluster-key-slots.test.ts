import assert from 'node:assert/strict';
import calculateSlot, { generateMulti } from 'cluster-key-slot';
import { PresenceKeys } from '../../../../src/adapters/presence/presence-keys';
import { bullPrefix, QUEUE_NAMES } from '../../../../src/adapters/queue/bullmq-queues';
import { TenantLocks, tenantNamespace } from '../../../../src/adapters/persistence/mongo/tenant-locks';
import type { RedisKeyedMutex } from '../../../../src/adapters/redis/redis-keyed-mutex';

/**
 * On a Redis Cluster a script or MULTI may only touch keys of one slot (else CROSSSLOT): each group
 * of keys that one script touches must share a slot, and groups of different tenants or queues
 * should not, so that load spreads over the masters.
 */
describe('Redis key names on a cluster', () => {
  const prefix = 'chat';
  const sameSlot = (keys: string[]) => generateMulti(keys) !== -1;
  const tenants = Array.from({ length: 40 }, (_, i) => `tenant-${i}`);
  const distinctSlots = (keys: string[]) => new Set(keys.map((k) => calculateSlot(k))).size;

  describe('presence', () => {
    const keys = new PresenceKeys(prefix);

    it("puts a tenant's counters, a node's hash of the tenant, channels and typing in one slot", () => {
      const tenantKeys = [
        keys.connections('node-1', 'acme'),
        keys.connections('node-2', 'acme'),
        keys.online('acme'),
        keys.status('acme'),
        keys.lastSeen('acme'),
        keys.channel('acme', 'c-1'),
        keys.channel('acme', 'c-2'),
        keys.typing('acme', 'c-1', 'bob'),
      ];

      assert.ok(sameSlot(tenantKeys));
    });

    it('puts the heartbeat keys of every node in one slot', () => {
      assert.ok(sameSlot([keys.nodes, keys.alive('n1'), keys.alive('n2'), keys.tenantsOf('n1')]));
    });

    it('spreads tenants over slots', () => {
      assert.ok(distinctSlots(tenants.map((t) => keys.online(t))) >= 35);
    });
  });

  describe('send turns', () => {
    it("puts a tenant's locks, seq counters and id sequence in one slot, and tenants apart", () => {
      const ns = tenantNamespace(prefix, 'chat_t_acme');
      // Key names only: no lock is taken.
      const locks = new TenantLocks({} as RedisKeyedMutex, ns);

      assert.ok(
        sameSlot([locks.key('channel', 'c-1'), locks.seqKey('c-1'), locks.seqKey('c-2'), `${ns}:message-id`]),
      );
      assert.ok(distinctSlots(tenants.map((t) => tenantNamespace(prefix, `chat_t_${t}`))) >= 35);
    });
  });

  describe('BullMQ', () => {
    it("puts each queue's keys in one slot on a cluster, and the four queues in four slots", () => {
      for (const queue of QUEUE_NAMES) {
        const base = `${bullPrefix(prefix, queue, true)}:${queue}`;
        assert.ok(sameSlot([`${base}:wait`, `${base}:active`, `${base}:id`, `${base}:events`, `${base}:1`]));
      }
      assert.equal(distinctSlots(QUEUE_NAMES.map((q) => bullPrefix(prefix, q, true))), QUEUE_NAMES.length);
    });

    it('keeps the one-Redis prefix of existing deployments', () => {
      assert.deepEqual(
        QUEUE_NAMES.map((q) => bullPrefix(prefix, q, false)),
        QUEUE_NAMES.map(() => 'chat:bull'),
      );
    });
  });
});
